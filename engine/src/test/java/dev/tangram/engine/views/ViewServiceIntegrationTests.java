package dev.tangram.engine.views;

import static dev.tangram.engine.testing.Fixtures.json;
import static dev.tangram.engine.testing.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tangram.engine.access.AccessPolicy;
import dev.tangram.engine.access.AccessSettings.AppRoles;
import dev.tangram.engine.access.Actor;
import dev.tangram.engine.access.FieldAccess;
import dev.tangram.engine.access.Grant;
import dev.tangram.engine.access.Operation;
import dev.tangram.engine.access.RowScope;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.ForbiddenException;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.records.AggregateResult;
import dev.tangram.engine.records.AggregateResult.Group;
import dev.tangram.engine.records.RecordAggregate;
import dev.tangram.engine.records.RecordQuery;
import dev.tangram.engine.testing.EmbeddedMongo;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Views and dashboards on the real wire protocol: aggregation by MongoDB's pipeline (exact
 * decimals, date buckets), within the viewer's rows and fields, and every refused definition
 * listed with its field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ViewServiceIntegrationTests {

  private static final Actor SETUP = Actor.system("setup");
  private static final Actor ANN = Actor.user("ann", Set.of(), List.of());
  private static final Actor BOB = Actor.user("bob", Set.of(), List.of());
  private static final Actor BOSS = Actor.user("boss", Set.of(), List.of());
  private static final Actor STRANGER = Actor.user("eve", Set.of(), List.of());

  private EmbeddedMongo mongo;
  private ViewService views;

  @BeforeAll
  void setUp() {
    mongo = new EmbeddedMongo();
    views = new ViewService(new ViewStore(mongo.database), mongo.apps, mongo.forms, mongo.records,
        new AccessPolicy(mongo.accessSettings, mongo.directory));
    mongo.apps.create("sales", null, null, "setup");
    mongo.forms.create("sales", json("{'key':'order','name':'Order','fields':[{'key':'title','type':'text'},"
        + "{'key':'amount','type':'money'},{'key':'cost','type':'money'},{'key':'stage','type':'select','options':['new','won','lost']},"
        + "{'key':'closed','type':'date'},{'key':'tags','type':'multiselect','options':['vip','web']},{'key':'paid','type':'boolean'}]}"), "setup");
    mongo.forms.publish("sales", "order", "setup");
    mongo.accessSettings.setAppRoles("sales", new AppRoles(List.of("user:boss"), List.of("user:ann", "user:bob")));
    submit(ANN, "{'title':'a','amount':0.10,'cost':1,'stage':'won','closed':'2026-11-02','tags':['vip','web'],'paid':true}");
    submit(ANN, "{'title':'b','amount':0.20,'cost':1,'stage':'won','closed':'2026-11-08','tags':['vip']}");
    submit(ANN, "{'title':'c','amount':1000.05,'cost':1,'stage':'new','closed':'2026-11-09'}");
    submit(BOB, "{'title':'d','amount':7,'cost':5,'stage':'lost','closed':'2026-12-01','paid':false}");
    submit(BOB, "{'title':'e','cost':5}");
  }

  private void submit(Actor who, String data) {
    mongo.records.submit("sales", "order", json("{'data':" + data + "}"), who);
  }

  @BeforeEach
  void everyMemberSeesEveryRow() {
    mongo.accessSettings.setGrants("sales", "order", List.of(new Grant("everyone", EnumSet.of(Operation.VIEW, Operation.SUBMIT), RowScope.ALL, null)));
  }

  @AfterAll
  void tearDown() {
    mongo.close();
  }

  private AggregateResult aggregate(String sum, String groupBy, Actor actor, RecordQuery.Filter... filters) {
    return mongo.records.aggregate("sales", "order", new RecordAggregate(List.of(filters), sum, groupBy, 12), actor);
  }

  private static List<Tuple> groups(AggregateResult result) {
    return result.groups().stream().map(g -> tuple(g.key(), g.value().stripTrailingZeros().toPlainString(), g.count())).toList();
  }

  @Test
  void moneyIsAddedUpExactlyInTheDatabase() {
    AggregateResult result = aggregate("amount", null, BOSS);
    assertThat(result.value()).isEqualByComparingTo("1007.35");
    assertThat(result.count()).isEqualTo(5);
    AggregateResult won = aggregate("amount", null, BOSS, new RecordQuery.Filter("stage", "eq", json("'won'")));
    assertThat(won.value()).isEqualByComparingTo("0.30"); // 0.1 + 0.2, not 0.30000000000000004
  }

  @Test
  void recordsAreCountedAndAddedUpPerGroupLargestFirstWithoutValueLast() {
    assertThat(groups(aggregate(null, "stage", BOSS))).containsExactly(
        tuple("won", "2", 2L), tuple("lost", "1", 1L), tuple("new", "1", 1L), tuple(null, "1", 1L));
    assertThat(groups(aggregate("amount", "stage", BOSS))).containsExactly(
        tuple("new", "1000.05", 1L), tuple("lost", "7", 1L), tuple("won", "0.3", 2L), tuple(null, "0", 1L));
    assertThat(groups(aggregate(null, "paid", BOSS))).containsExactly(tuple("false", "1", 1L), tuple("true", "1", 1L), tuple(null, "3", 3L));
    assertThat(groups(aggregate(null, "tags", BOSS))).containsExactly(tuple("vip", "2", 2L), tuple("web", "1", 1L), tuple(null, "3", 3L));
  }

  @Test
  void datesAreBucketedByDayWeekAndMonthInTimeOrderWithGapsFilled() {
    RecordQuery.Filter dated = new RecordQuery.Filter("closed", "empty", json("false"));
    assertThat(groups(aggregate(null, "closed:month", BOSS, dated))).containsExactly(tuple("2026-11", "3", 3L), tuple("2026-12", "1", 1L));
    assertThat(groups(aggregate("amount", "closed:week", BOSS, dated))).containsExactly(
        tuple("2026-W45", "0.3", 2L), tuple("2026-W46", "1000.05", 1L), tuple("2026-W47", "0", 0L), tuple("2026-W48", "0", 0L),
        tuple("2026-W49", "7", 1L));
    AggregateResult days = aggregate(null, "closed", BOSS, dated); // 2 Nov to 1 Dec by day: the latest 12 days
    assertThat(days.groups()).hasSize(12);
    assertThat(days.groups().getFirst().key()).isEqualTo("2026-11-20");
    assertThat(days.groups().getLast()).isEqualTo(new Group("2026-12-01", BigDecimal.ONE, 1));
    assertThat(days.other()).isEqualTo(new Group(null, BigDecimal.valueOf(3), 3));
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    assertThat(groups(aggregate(null, "createdAt:day", BOSS))).containsExactly(tuple(today, "5", 5L));
    assertThat(aggregate(null, "createdAt:week", BOSS).groups()).extracting(Group::count).containsExactly(5L);
  }

  @Test
  void aViewerCountsOnlyTheRowsTheyMaySee() {
    mongo.accessSettings.setGrants("sales", "order", List.of(new Grant("everyone", EnumSet.of(Operation.VIEW), RowScope.OWN, null)));
    assertThat(aggregate("amount", null, ANN).value()).isEqualByComparingTo("1000.35");
    assertThat(aggregate(null, "stage", BOB).groups()).extracting(Group::key).containsExactly("lost", null);
    assertThat(aggregate(null, null, BOSS).count()).isEqualTo(5); // app admins see every row
  }

  @Test
  void aHiddenFieldCannotBeAddedUpGroupedOrFilteredOn() {
    mongo.accessSettings.setGrants("sales", "order", List.of(new Grant("everyone", EnumSet.of(Operation.VIEW), RowScope.ALL,
        Map.of("cost", FieldAccess.HIDDEN, "stage", FieldAccess.HIDDEN))));
    assertThatThrownBy(() -> aggregate("cost", null, ANN)).isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> aggregate(null, "stage", ANN)).isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> aggregate(null, null, ANN, new RecordQuery.Filter("cost", "gt", json("1"))))
        .isInstanceOf(ForbiddenException.class);
    assertThat(aggregate("amount", null, ANN).value()).isEqualByComparingTo("1007.35");
    WidgetData widget = views.widget("sales", json("{'type':'sum','form':'order','field':'cost'}"), ANN);
    assertThat(widget.aggregate()).isNull();
    assertThat(widget.errors()).extracting(FieldError::code).containsExactly("forbidden");
    assertThat(views.widget("sales", json("{'type':'sum','form':'order','field':'cost'}"), BOSS).aggregate().value())
        .isEqualByComparingTo("13");
  }

  @Test
  void aDashboardWithProblemsIsRefusedWithEveryProblemListedAndNothingStored() {
    JsonNode expected = resource("/dev/tangram/engine/views/invalid/everything-wrong.expected.json");
    List<Tuple> pairs = new ArrayList<>();
    expected.forEach(e -> pairs.add(tuple(e.get(0).asString(), e.get(1).asString())));
    assertThatThrownBy(() -> views.save("sales", "broken", resource("/dev/tangram/engine/views/invalid/everything-wrong.json"), BOSS))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.errors()).extracting(FieldError::field, FieldError::code).containsExactlyInAnyOrderElementsOf(pairs);
          assertThat(e.errors()).allSatisfy(p -> assertThat(p.message()).isNotBlank());
        });
    assertThat(views.list("sales", BOSS)).extracting(View::key).doesNotContain("broken");
    assertThatThrownBy(() -> views.save("sales", "bad key!", json("{'type':'list','form':'order','columns':['title']}"), BOSS))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("key"));
    assertThatThrownBy(() -> views.save("sales", "x", json("[1]"), BOSS)).isInstanceOf(ValidationException.class);
  }

  @Test
  void adminsSaveMembersReadOthersNothing() {
    JsonNode board = json("{'type':'dashboard','title':{'en':'Sales','zh-CN':'销售'},'widgets':["
        + "{'type':'count','form':'order','title':'Orders','chart':'number'},"
        + "{'type':'sum','form':'order','field':'amount','groupBy':'stage','chart':'bar'},"
        + "{'type':'list','form':'order','columns':['title','amount'],'sort':'-amount','limit':2}]}");
    assertThatThrownBy(() -> views.save("sales", "board", board, ANN)).isInstanceOf(ForbiddenException.class);
    views.save("sales", "board", board, BOSS);
    assertThat(views.get("sales", "board", ANN).title("zh-CN")).isEqualTo("销售");
    assertThat(views.list("sales", BOB)).extracting(View::key).contains("board");
    assertThatThrownBy(() -> views.list("sales", STRANGER)).isInstanceOf(ForbiddenException.class);
    List<WidgetData> data = views.dashboard("sales", "board", ANN);
    assertThat(data.get(0).aggregate().value()).isEqualByComparingTo("5");
    assertThat(data.get(1).aggregate().groups()).extracting(Group::key).containsExactly("new", "lost", "won", null);
    assertThat(data.get(2).rows().items()).extracting(r -> r.data().get("title").asString()).containsExactly("c", "d");
    assertThatThrownBy(() -> views.delete("sales", "board", BOB)).isInstanceOf(ForbiddenException.class);
    views.delete("sales", "board", BOSS);
    assertThat(views.list("sales", BOSS)).extracting(View::key).doesNotContain("board");
  }

  @Test
  void theTemplateFormatOfBeforeStillPasses() {
    assertThat(views.check("sales", json("{'type':'dashboard','title':{'en':'Sales','zh-CN':'销售看板'},'widgets':["
        + "{'type':'count','form':'order','title':{'en':'Orders','zh-CN':'订单数'}},"
        + "{'type':'sum','form':'order','field':'amount'},{'type':'group','form':'order','groupBy':'stage'}]}"))).isEmpty();
    assertThat(views.check("sales", json("{'type':'list','form':'order','title':'Orders','columns':['title','createdAt'],"
        + "'filter':[{'field':'stage','op':'in','value':['new','won']}],'sort':'-createdAt'}"))).isEmpty();
  }
}
