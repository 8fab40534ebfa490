package dev.tangram.engine.triggers;

import static dev.tangram.engine.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.model.Filters;
import dev.tangram.engine.access.AccessSettings;
import dev.tangram.engine.access.Actor;
import dev.tangram.engine.access.DirectoryUser;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.events.Event;
import dev.tangram.engine.events.internal.EventDocuments;
import dev.tangram.engine.records.Record;
import dev.tangram.engine.testing.EmbeddedMongo;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Before-rules refuse writes; after-rules write other records and call plugins, once per event. */
class TriggersIntegrationTests {

  private static final Actor ALICE = Actor.user("alice", Set.of("ADMIN"), List.of());

  private EmbeddedMongo mongo;

  @BeforeEach
  void setUp() {
    mongo = new EmbeddedMongo();
    mongo.apps.create("sales", "Sales", null, "admin");
    form("{'key':'note','name':'Note','fields':[{'key':'text','type':'text','required':true}]}");
    form("""
        {'key':'order','name':'Order','fields':[{'key':'ref','type':'text','required':true},
          {'key':'qty','type':'number','required':true},{'key':'price','type':'money','required':true},
          {'key':'total','type':'money'}],
         'triggers':[
          {'name':'limit','phase':'before','on':['record.created','record.updated'],
           'script':'if (record.qty > 100) return \\"Orders above 100 need a call first\\";'},
          {'name':'uniqueRef','phase':'before','on':['record.created'],
           'script':'if (records.find(\\"order\\", {ref: record.ref}).length > 0) return {field: \\"ref\\", message: \\"This reference is used already\\"};'},
          {'name':'price','phase':'after','on':['record.created'],
           'script':'const q = plugins.call(\\"sample\\", \\"quote\\", {qty: record.qty, unitPrice: record.price});\\nrecords.update(\\"order\\", event.recordId, {total: q.total});\\nrecords.create(\\"note\\", {text: \\"order \\" + record.ref + \\" by \\" + event.actor});'},
          {'name':'broken','phase':'after','on':['record.deleted'],
           'script':'\\nconst x = null;\\nreturn x.field;'}]}
        """);
  }

  @AfterEach
  void tearDown() {
    mongo.close();
  }

  private void form(String definition) {
    String key = json(definition).get("key").asString();
    mongo.forms.create("sales", json(definition), "admin");
    mongo.forms.publish("sales", key, "admin");
  }

  private Record order(String ref, int qty) {
    return mongo.records.submit("sales", "order", json("{'data':{'ref':'" + ref + "','qty':" + qty + ",'price':2.5}}"), ALICE);
  }

  private long notes() {
    return mongo.database.getCollection("records.sales.note").countDocuments();
  }

  @Test
  void aBeforeRuleRefusesTheWriteWithItsMessageAndNothingIsStored() {
    assertThatThrownBy(() -> order("A-1", 101)).isInstanceOfSatisfying(ValidationException.class,
        e -> assertThat(e.errors()).extracting(FieldError::message).containsExactly("Orders above 100 need a call first"));
    order("A-1", 5);
    assertThatThrownBy(() -> order("A-1", 5)).isInstanceOfSatisfying(ValidationException.class,
        e -> assertThat(e.errors()).extracting(FieldError::field, FieldError::message)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("ref", "This reference is used already")));
    assertThat(mongo.database.getCollection("records.sales.order").countDocuments()).isEqualTo(1);
    assertThat(notes()).isEqualTo(1);
  }

  @Test
  void anAfterRuleCallsAPluginAndWritesRecordsOnceEvenWhenTheEventComesAgain() {
    Record r = order("B-7", 120 / 2);
    Record priced = mongo.records.get("sales", "order", r.id(), ALICE);
    assertThat(priced.data().get("total").decimalValue()).isEqualByComparingTo("150.00");
    assertThat(notes()).isEqualTo(1);
    assertThat(mongo.database.getCollection("records.sales.note").find().first().get("data", Document.class).getString("text"))
        .isEqualTo("order B-7 by alice");

    mongo.outbox.settle(); // the events are stored off the writer's thread
    Event created = EventDocuments.fromDocument(mongo.database.getCollection("_events")
        .find(Filters.and(Filters.eq("recordId", r.id()), Filters.eq("type", "record.created"))).first());
    mongo.triggers.accept(created); // redelivered: the log says done
    assertThat(notes()).isEqualTo(1);

    // A crash after the rule's writes but before its log entry: the rerun repeats no write.
    mongo.database.getCollection("_trigger_runs").deleteMany(new Document());
    mongo.triggers.accept(created);
    assertThat(notes()).isEqualTo(1);
    assertThat(mongo.records.get("sales", "order", r.id(), ALICE).version()).isEqualTo(2);
  }

  @Test
  void aFailingAfterRuleIsLoggedWithItsLineAndTheChangeStands() {
    Record r = order("C-1", 1);
    mongo.records.delete("sales", "order", r.id(), null, ALICE);
    Document deleted = mongo.database.getCollection("_events").find(Filters.eq("type", "record.deleted")).first();
    Document run = mongo.triggers.runOf(deleted.getObjectId("_id").toHexString(), "broken");
    assertThat(run.getString("state")).isEqualTo("failed");
    assertThat(run.getString("error")).startsWith("line 3");
    assertThat(mongo.database.getCollection("records.sales.order").countDocuments()).isZero();
  }

  @Test
  void aPluginReachesTheAppsRecordsThroughItsContext() {
    form("{'key':'ping','name':'Ping','fields':[{'key':'n','type':'number'}],'triggers':[{'name':'note','phase':'after',"
        + "'script':'plugins.call(\\\"sample\\\", \\\"remember\\\", {text: \\\"ping \\\" + record.n, key: event.recordId});'}]}");
    mongo.records.submit("sales", "ping", json("{'data':{'n':1}}"), ALICE);
    assertThat(notes()).isEqualTo(1);
  }

  @Test
  void aRuleThatKeepsWritingRecordsOfItsOwnFormIsStoppedWithAClearError() {
    form("{'key':'echo','name':'Echo','fields':[{'key':'n','type':'number'}],'triggers':[{'name':'again','phase':'after',"
        + "'on':['record.created'],'script':'records.create(\\\"echo\\\", {n: record.n + 1});'}]}");
    mongo.records.submit("sales", "echo", json("{'data':{'n':0}}"), ALICE);
    long echoes = mongo.database.getCollection("records.sales.echo").countDocuments();
    assertThat(echoes).isBetween(2L, 10L);
    assertThat(mongo.database.getCollection("_trigger_runs").countDocuments(Filters.regex("error", "levels deep"))).isEqualTo(1);
  }

  @Test
  void aBeforeRuleThatThrowsOrRunsForeverGivesAClearErrorAndStoresNothing() {
    form("{'key':'slow','name':'Slow','fields':[{'key':'n','type':'number'}],'triggers':["
        + "{'name':'spin','phase':'before','script':'if (record.n > 0) { while (true) {} }'},"
        + "{'name':'oops','phase':'before','script':'if (record.n < 0) {\\n  throw new Error(\\\"negative\\\");\\n}'}]}");
    assertThatThrownBy(() -> mongo.records.submit("sales", "slow", json("{'data':{'n':1}}"), ALICE))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().getFirst().message())
            .startsWith("Rule 'spin' failed").contains("limit"));
    assertThatThrownBy(() -> mongo.records.submit("sales", "slow", json("{'data':{'n':-1}}"), ALICE))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().getFirst().message())
            .isEqualTo("Rule 'oops' failed (line 2): Error: negative"));
    assertThat(mongo.database.getCollection("records.sales.slow").countDocuments()).isZero();
    assertThat(mongo.records.submit("sales", "slow", json("{'data':{'n':0}}"), ALICE).data().get("n").asInt()).isZero();
  }

  @Test
  void aTriggerCannotReachTheHost() {
    assertThatThrownBy(() -> form("{'key':'evil','name':'Evil','fields':[{'key':'n','type':'number'}],'triggers':[{'name':'x',"
        + "'phase':'before','script':'return (('}]}")).isInstanceOfSatisfying(ValidationException.class,
        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("triggers[0].script"));
    form("{'key':'evil','name':'Evil','fields':[{'key':'n','type':'number'}],'triggers':[{'name':'x','phase':'before',"
        + "'script':'return String(typeof Java) + String(typeof Polyglot) + String(typeof load);'}]}");
    assertThatThrownBy(() -> mongo.records.submit("sales", "evil", json("{'data':{'n':1}}"), ALICE))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().getFirst().message())
            .isEqualTo("undefinedundefinedundefined"));
  }

  @Test
  void anAfterRuleWritesIntoAnotherAppOnceAsTheUserWhoCausedTheEvent() {
    mongo.apps.create("stock", "Stock", null, "admin");
    mongo.forms.create("stock", json("{'key':'so','name':'Sales order','fields':[{'key':'ref','type':'text','required':true}]}"), "admin");
    mongo.forms.publish("stock", "so", "admin");
    form("""
        {'key':'deal','name':'Deal','fields':[{'key':'ref','type':'text'},{'key':'won','type':'boolean'}],
         'triggers':[{'name':'order','phase':'after','on':['record.created','record.updated'],
           'script':'if (!record.won) return;\\nconst other = records.app(\\"stock\\");\\nif (records.app(\\"nowhere\\") !== null) throw new Error(\\"an app that is not there\\");\\nother.create(\\"so\\", {ref: record.ref}, \\"won\\");'}]}
        """);
    mongo.directory.saveUser(new DirectoryUser("carol", "Carol", null, null, List.of(), List.of(), true), true);
    mongo.directory.saveUser(new DirectoryUser("dave", "Dave", null, null, List.of(), List.of(), true), true);
    mongo.accessSettings.setAppRoles("sales", new AccessSettings.AppRoles(List.of("user:carol", "user:dave"), List.of()));
    mongo.accessSettings.setAppRoles("stock", new AccessSettings.AppRoles(List.of("user:carol"), List.of("user:carol")));
    Actor carol = Actor.user("carol", Set.of(), List.of());
    Actor dave = Actor.user("dave", Set.of(), List.of());

    Record deal = mongo.records.submit("sales", "deal", json("{'data':{'ref':'D-1','won':true}}"), carol);
    mongo.records.patch("sales", "deal", deal.id(), json("{'data':{'ref':'D-1b'}}"), null, carol); // won again: still one order
    assertThat(mongo.database.getCollection("records.stock.so").countDocuments()).isEqualTo(1);
    Document order = mongo.database.getCollection("records.stock.so").find().first();
    assertThat(order.getString("createdBy")).isEqualTo("carol");

    // Dave may write deals but not into the stock app: the rule gains him nothing there.
    Record other = mongo.records.submit("sales", "deal", json("{'data':{'ref':'D-2','won':true}}"), dave);
    assertThat(mongo.database.getCollection("records.stock.so").countDocuments()).isEqualTo(1);
    mongo.outbox.settle(); // the events are stored off the writer's thread
    Document created = mongo.database.getCollection("_events")
        .find(Filters.and(Filters.eq("recordId", other.id()), Filters.eq("type", "record.created"))).first();
    Document run = mongo.triggers.runOf(created.getObjectId("_id").toHexString(), "order");
    assertThat(run.getString("state")).isEqualTo("failed");
    assertThat(run.getString("error")).contains("so");
  }
}
