package dev.tangram.engine.records;

import static dev.tangram.engine.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.model.Filters;
import dev.tangram.engine.access.AccessPolicy;
import dev.tangram.engine.access.Actor;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.events.EventOutbox;
import dev.tangram.engine.schema.CompiledFormCache;
import dev.tangram.engine.testing.EmbeddedMongo;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stock example of the rules issue: goods receipts add to the stock balance of item ×
 * warehouse, deliveries take from it, and each posting follows its source document.
 */
class PostingsIntegrationTests {

  private static final Actor ALICE = Actor.user("alice", Set.of("ADMIN"), List.of());

  private EmbeddedMongo mongo;
  private String bolt;
  private String nut;
  private String main;

  @BeforeEach
  void setUp() {
    mongo = new EmbeddedMongo();
    mongo.apps.create("inv", "Inventory", null, "admin");
    form("{'key':'item','name':'Item','fields':[{'key':'code','type':'text','required':true,'unique':true},"
        + "{'key':'allowNegative','type':'boolean'}]}");
    form("{'key':'warehouse','name':'Warehouse','fields':[{'key':'code','type':'text','required':true}]}");
    form("{'key':'stock_balance','name':'Stock balance','fields':["
        + "{'key':'item','type':'relation','target':{'form':'item'},'indexed':true},"
        + "{'key':'warehouse','type':'relation','target':{'form':'warehouse'}},"
        + "{'key':'onHand','type':'number','scale':3}]}");
    form("{'key':'goods_receipt','name':'Goods receipt','fields':["
        + "{'key':'warehouse','type':'relation','target':{'form':'warehouse'},'required':true},"
        + "{'key':'lines','type':'subform','fields':[{'key':'item','type':'relation','target':{'form':'item'},'required':true},"
        + "{'key':'qty','type':'number','min':0,'scale':3,'required':true}]}],"
        + "'postings':[{'name':'stockIn','target':'stock_balance','rows':'lines',"
        + "'match':{'item':'item','warehouse':'warehouse'},'add':{'onHand':'qty'},"
        + "'floor':{'field':'onHand','min':0,'unless':['item.allowNegative']}}]}"); // guards reversals too
    form("{'key':'delivery','name':'Delivery','fields':["
        + "{'key':'warehouse','type':'relation','target':{'form':'warehouse'},'required':true},"
        + "{'key':'lines','type':'subform','fields':[{'key':'item','type':'relation','target':{'form':'item'},'required':true},"
        + "{'key':'qty','type':'number','min':0,'scale':3,'required':true}]}],"
        + "'postings':[{'name':'stockOut','target':'stock_balance','rows':'lines',"
        + "'match':{'item':'item','warehouse':'warehouse'},'subtract':{'onHand':'qty'},"
        + "'floor':{'field':'onHand','min':0,'unless':['item.allowNegative'],'message':'Not enough stock for this delivery'}}]}");
    bolt = submit("item", "{'code':'BOLT'}").id();
    nut = submit("item", "{'code':'NUT','allowNegative':true}").id();
    main = submit("warehouse", "{'code':'MAIN'}").id();
  }

  @AfterEach
  void tearDown() {
    mongo.close();
  }

  private void form(String definition) {
    String key = json(definition).get("key").asString();
    mongo.forms.create("inv", json(definition), "admin");
    mongo.forms.publish("inv", key, "admin");
  }

  private Record submit(String form, String data) {
    return mongo.records.submit("inv", form, json("{'data':" + data + "}"), ALICE);
  }

  private Record receipt(String item, String qty) {
    return submit("goods_receipt", "{'warehouse':'" + main + "','lines':[{'item':'" + item + "','qty':" + qty + "}]}");
  }

  private Record delivery(String item, String qty) {
    return submit("delivery", "{'warehouse':'" + main + "','lines':[{'item':'" + item + "','qty':" + qty + "}]}");
  }

  private BigDecimal onHand(String item) {
    List<Record> balances = mongo.records.forApp("inv", "test").find("stock_balance",
        List.of(new RecordQuery.Filter("item", "eq", json("'" + item + "'"))), 10);
    assertThat(balances).hasSizeLessThanOrEqualTo(1);
    return balances.isEmpty() ? BigDecimal.ZERO : balances.getFirst().data().get("onHand").decimalValue();
  }

  @Test
  void aReceiptAddsToTheBalanceOfItsItemAndWarehouse() {
    receipt(bolt, "10");
    receipt(bolt, "2.5");
    submit("goods_receipt", "{'warehouse':'" + main + "','lines':[{'item':'" + bolt + "','qty':1},{'item':'" + nut + "','qty':4},"
        + "{'item':'" + bolt + "','qty':1}]}");

    assertThat(onHand(bolt)).isEqualByComparingTo("14.5");
    assertThat(onHand(nut)).isEqualByComparingTo("4");
  }

  @Test
  void concurrentReceiptsLeaveTheExactSum() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      done.add(pool.submit(() -> receipt(bolt, "1.5")));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    assertThat(onHand(bolt)).isEqualByComparingTo("60");
    assertThat(mongo.database.getCollection("records.inv.stock_balance").countDocuments()).isEqualTo(1);
  }

  @Test
  void editingDeletingOrRejectingAReceiptAdjustsTheBalanceByTheDifference() {
    Record r = receipt(bolt, "10");
    receipt(bolt, "5");
    mongo.records.patch("inv", "goods_receipt", r.id(), json("{'data':{'lines':[{'item':'" + bolt + "','qty':7}]}}"), null, ALICE);
    assertThat(onHand(bolt)).isEqualByComparingTo("12");

    mongo.records.patch("inv", "goods_receipt", r.id(), json("{'data':{'lines':[{'item':'" + nut + "','qty':7}]}}"), null, ALICE);
    assertThat(onHand(bolt)).isEqualByComparingTo("5");
    assertThat(onHand(nut)).isEqualByComparingTo("7");

    mongo.records.changeStatus("inv", "goods_receipt", r.id(), "rejected", null, null, "flow", new Document());
    assertThat(onHand(nut)).isEqualByComparingTo("0");
    mongo.records.changeStatus("inv", "goods_receipt", r.id(), "approved", null, null, "flow", new Document());
    assertThat(onHand(nut)).isEqualByComparingTo("7");

    mongo.records.delete("inv", "goods_receipt", r.id(), null, ALICE);
    assertThat(onHand(nut)).isEqualByComparingTo("0");
    assertThat(onHand(bolt)).isEqualByComparingTo("5");
  }

  @Test
  void aDeliveryBeyondStockIsRefusedAndChangesNothingUnlessTheItemAllowsIt() {
    receipt(bolt, "3");
    delivery(bolt, "2");
    assertThatThrownBy(() -> delivery(bolt, "1.5"))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().getFirst().message())
            .isEqualTo("Not enough stock for this delivery"));
    assertThat(onHand(bolt)).isEqualByComparingTo("1");
    assertThat(mongo.database.getCollection("records.inv.delivery").countDocuments()).isEqualTo(1);

    delivery(nut, "2");
    assertThat(onHand(nut)).isEqualByComparingTo("-2");
  }

  @Test
  void reversingAReceiptWhoseStockWasDeliveredIsRefused() {
    Record r = receipt(bolt, "5");
    delivery(bolt, "4");
    assertThatThrownBy(() -> mongo.records.delete("inv", "goods_receipt", r.id(), null, ALICE))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().getFirst().message())
            .isEqualTo("This would take 'onHand' of Stock balance to -4, below 0"));
    assertThat(onHand(bolt)).isEqualByComparingTo("1");
    assertThat(mongo.records.get("inv", "goods_receipt", r.id(), ALICE)).isNotNull();
  }

  @Test
  void aSagaACrashLeftHalfWayIsUndoneOnRecovery() {
    receipt(bolt, "5");
    String balance = mongo.records.forApp("inv", "test").find("stock_balance", List.of(), 1).getFirst().id();
    // A node applied step 0 of an operation, then died before writing its source record.
    String operation = new ObjectId().toHexString();
    mongo.database.getCollection("_posting_journal").insertOne(new Document("_id", operation).append("app", "inv")
        .append("form", "goods_receipt").append("recordId", new ObjectId())
        .append("steps", List.of(new Document("target", "stock_balance").append("id", new ObjectId(balance))
            .append("match", new Document()).append("deltas", new Document("onHand", new Decimal128(3)))))
        .append("at", new Date()));
    mongo.records.forApp("inv", "crashed-node").increment("stock_balance", balance, Map.of("onHand", new BigDecimal(3)), operation + ":0");
    assertThat(onHand(bolt)).isEqualByComparingTo("8");

    Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1));
    EventOutbox outbox = new EventOutbox(mongo.database, later);
    new RecordService(mongo.database, mongo.forms, new CompiledFormCache(), new AccessPolicy(mongo.accessSettings, mongo.directory),
        null, outbox, later);
    outbox.recover();
    outbox.recover();

    assertThat(onHand(bolt)).isEqualByComparingTo("5");
    assertThat(mongo.database.getCollection("_posting_journal").countDocuments(Filters.eq("_id", operation))).isZero();
  }
}
