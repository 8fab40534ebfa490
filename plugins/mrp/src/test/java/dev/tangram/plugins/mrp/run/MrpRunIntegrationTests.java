package dev.tangram.plugins.mrp.run;

import static dev.tangram.engine.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tangram.engine.access.Actor;
import dev.tangram.engine.records.AppRecords;
import dev.tangram.engine.records.Record;
import dev.tangram.engine.testing.EmbeddedMongo;
import dev.tangram.plugins.mrp.ConfirmInput;
import dev.tangram.plugins.mrp.ConfirmResult;
import dev.tangram.plugins.mrp.MrpPlugin;
import dev.tangram.plugins.mrp.RunInput;
import dev.tangram.plugins.mrp.RunResult;
import dev.tangram.plugins.mrp.internal.run.MrpRunner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * MRP {@code run} on real records of the inventory forms (same form and field keys as the
 * Purchasing &amp; Inventory template), worked by hand. Weekly buckets from Monday 2025-01-06, 4 weeks.
 * A (make, lead time 1, 10 on hand, L4L) needs 2 B (buy, lead time 1, MIN_MULT min 50 × 10).
 * Demand for A: forecast 5 in week 2, confirmed SO 30 in week 3 (a draft SO of 100 does not count).
 * A: POH 10, 5, then 5 - 30 → net 25 in week 3, released week 2. B: gross 50 in week 2, open PO 20
 * (confirmed) in week 2 → net 30 → max(30, 50) = 50 due week 2, released week 1.
 */
class MrpRunIntegrationTests {

  private static final Actor ALICE = Actor.user("alice", Set.of("ADMIN"), List.of());

  private EmbeddedMongo mongo;
  private AppRecords records;
  private MrpRunner runner;
  private String a;
  private String b;
  private String supplier;

  @BeforeEach
  void setUp() {
    mongo = new EmbeddedMongo();
    mongo.apps.create("inv", "Inventory", null, "admin");
    form("{'key':'supplier','name':'Supplier','fields':[{'key':'no','type':'text'},{'key':'name','type':'text'}]}");
    form("{'key':'warehouse','name':'Warehouse','fields':[{'key':'code','type':'text'}]}");
    form("{'key':'item','name':'Item','fields':[{'key':'code','type':'text'},{'key':'itemType','type':'text'},"
        + "{'key':'source','type':'select','options':['make','buy']},{'key':'unit','type':'text'},{'key':'unitPrecision','type':'number'},"
        + "{'key':'leadTime','type':'number'},{'key':'safetyStock','type':'number'},"
        + "{'key':'lotRule','type':'select','options':['L4L','FOQ','MIN_MULT']},{'key':'lotQty','type':'number'},"
        + "{'key':'minOrderQty','type':'number'},{'key':'orderMultiple','type':'number'},{'key':'yieldPct','type':'number'},"
        + "{'key':'defaultSupplier','type':'relation','target':{'form':'supplier'}}]}");
    form("{'key':'bom','name':'BOM','fields':[{'key':'item','type':'relation','target':{'form':'item'}},"
        + "{'key':'version','type':'text'},{'key':'active','type':'boolean'},{'key':'outputQty','type':'number'},"
        + "{'key':'lines','type':'subform','fields':[{'key':'component','type':'relation','target':{'form':'item'}},"
        + "{'key':'qty','type':'number'},{'key':'scrapPct','type':'number'}]}]}");
    form("{'key':'stock_balance','name':'Stock','fields':[{'key':'item','type':'relation','target':{'form':'item'}},"
        + "{'key':'warehouse','type':'relation','target':{'form':'warehouse'}},{'key':'onHand','type':'number'},"
        + "{'key':'allocated','type':'number'}]}");
    form("{'key':'purchase_order','name':'PO','fields':[{'key':'no','type':'text'},{'key':'orderDate','type':'date'},"
        + "{'key':'orderStatus','type':'select','options':['draft','confirmed','partiallyReceived','received','closed','cancelled']},"
        + "{'key':'lines','type':'subform','fields':[{'key':'item','type':'relation','target':{'form':'item'}},"
        + "{'key':'qty','type':'number'},{'key':'dueDate','type':'date'},{'key':'receivedQty','type':'number'}]}]}");
    form("{'key':'sales_order','name':'SO','fields':[{'key':'no','type':'text'},{'key':'orderDate','type':'date'},"
        + "{'key':'orderStatus','type':'select','options':['draft','confirmed','partiallyDelivered','delivered','closed','cancelled']},"
        + "{'key':'lines','type':'subform','fields':[{'key':'item','type':'relation','target':{'form':'item'}},"
        + "{'key':'qty','type':'number'},{'key':'deliveryDate','type':'date'},{'key':'deliveredQty','type':'number'}]}]}");
    form("{'key':'forecast','name':'Forecast','fields':[{'key':'item','type':'relation','target':{'form':'item'}},"
        + "{'key':'warehouse','type':'relation','target':{'form':'warehouse'}},{'key':'periodStart','type':'date'},{'key':'qty','type':'number'}]}");
    form("{'key':'mrp_run','name':'MRP run','fields':[{'key':'no','type':'text'},{'key':'runDate','type':'date','required':true},"
        + "{'key':'bucket','type':'select','options':['week','day']},{'key':'periods','type':'number','scale':0},"
        + "{'key':'warehouse','type':'relation','target':{'form':'warehouse'}},{'key':'useSafetyStock','type':'boolean'},"
        + "{'key':'runStatus','type':'select','options':['queued','running','done','failed']},"
        + "{'key':'progress','type':'number'},{'key':'message','type':'textarea'},"
        + "{'key':'plannedOrders','type':'subform','fields':[{'key':'item','type':'relation','target':{'form':'item'},'required':true},"
        + "{'key':'orderType','type':'select','options':['purchase','production']},{'key':'qty','type':'number'},"
        + "{'key':'goodQty','type':'number'},{'key':'dueDate','type':'date'},{'key':'releaseDate','type':'date'},"
        + "{'key':'pastDue','type':'boolean'},{'key':'supplier','type':'relation','target':{'form':'supplier'}},"
        + "{'key':'bom','type':'relation','target':{'form':'bom'}},{'key':'pegging','type':'textarea'},{'key':'confirmed','type':'boolean'}]}]}");
    form("{'key':'purchase_requisition','name':'PR','fields':[{'key':'no','type':'text'},"
        + "{'key':'source','type':'select','options':['manual','mrp']},{'key':'mrpRun','type':'relation','target':{'form':'mrp_run'}},"
        + "{'key':'reason','type':'textarea'},{'key':'lines','type':'subform','required':true,'fields':["
        + "{'key':'item','type':'relation','target':{'form':'item'},'required':true},{'key':'qty','type':'number','required':true},"
        + "{'key':'neededBy','type':'date'},{'key':'supplier','type':'relation','target':{'form':'supplier'}}]}]}");
    records = mongo.records.forApp("inv", "mrp-test");
    runner = new MrpRunner(Clock.fixed(Instant.parse("2025-01-06T08:00:00Z"), ZoneOffset.UTC));
    supplier = submit("supplier", "{'no':'S-1','name':'Acme'}").id();
    String main = submit("warehouse", "{'code':'MAIN'}").id();
    a = submit("item", "{'code':'A','source':'make','leadTime':1,'lotRule':'L4L','unitPrecision':0}").id();
    b = submit("item", "{'code':'B','source':'buy','leadTime':1,'lotRule':'MIN_MULT','minOrderQty':50,'orderMultiple':10,"
        + "'defaultSupplier':'" + supplier + "'}").id();
    submit("bom", "{'item':'" + a + "','version':'1','active':true,'outputQty':1,'lines':[{'component':'" + b + "','qty':2}]}");
    submit("stock_balance", "{'item':'" + a + "','warehouse':'" + main + "','onHand':10,'allocated':0}");
    submit("sales_order", "{'no':'SO-1','orderStatus':'confirmed','lines':[{'item':'" + a + "','qty':30,'deliveryDate':'2025-01-20'}]}");
    submit("sales_order", "{'no':'SO-2','orderStatus':'draft','lines':[{'item':'" + a + "','qty':100,'deliveryDate':'2025-01-20'}]}");
    submit("forecast", "{'item':'" + a + "','periodStart':'2025-01-13','qty':5}");
    submit("purchase_order", "{'no':'PO-1','orderStatus':'confirmed','lines':[{'item':'" + b + "','qty':20,'dueDate':'2025-01-13','receivedQty':0}]}");
  }

  @AfterEach
  void tearDown() {
    mongo.close();
  }

  @Test
  void runPlansFromTheRecordsAndWritesPlannedOrdersIntoTheRunRecord() {
    RunResult result = runner.run(records, new RunInput(null, null, "week", 4, null, null));

    assertThat(result.status()).isEqualTo("done");
    assertThat(result.purchaseOrders()).isEqualTo(1);
    assertThat(result.productionOrders()).isEqualTo(1);
    JsonNode run = records.get("mrp_run", result.runId()).orElseThrow().data();
    assertThat(run.get("runStatus").asString()).isEqualTo("done");
    assertThat(run.get("progress").decimalValue()).isEqualByComparingTo("100");
    JsonNode orders = run.get("plannedOrders");
    assertThat(orders).hasSize(2);
    JsonNode forA = row(orders, a);
    assertThat(forA.get("orderType").asString()).isEqualTo("production");
    assertThat(forA.get("qty").decimalValue()).isEqualByComparingTo("25");
    assertThat(forA.get("dueDate").asString()).isEqualTo("2025-01-20");
    assertThat(forA.get("releaseDate").asString()).isEqualTo("2025-01-13");
    JsonNode forB = row(orders, b);
    assertThat(forB.get("orderType").asString()).isEqualTo("purchase");
    assertThat(forB.get("qty").decimalValue()).isEqualByComparingTo("50");
    assertThat(forB.get("dueDate").asString()).isEqualTo("2025-01-13");
    assertThat(forB.get("releaseDate").asString()).isEqualTo("2025-01-06");
    assertThat(forB.get("supplier").asString()).isEqualTo(supplier);
  }

  @Test
  void rerunReplacesUnconfirmedPlannedOrdersKeepsConfirmedOnesAndPlansTheSame() {
    RunResult first = runner.run(records, new RunInput(null, null, "week", 4, null, null));
    int rowOfB = indexOf(records.get("mrp_run", first.runId()).orElseThrow().data().get("plannedOrders"), b);
    ConfirmResult confirmed = runner.confirm(records, new ConfirmInput(first.runId(), rowOfB));
    ConfirmResult again = runner.confirm(records, new ConfirmInput(first.runId(), rowOfB));

    assertThat(confirmed.form()).isEqualTo("purchase_requisition");
    assertThat(again.recordId()).isEqualTo(confirmed.recordId());
    assertThat(again.duplicate()).isTrue();
    JsonNode requisition = records.get("purchase_requisition", confirmed.recordId()).orElseThrow().data();
    assertThat(requisition.get("source").asString()).isEqualTo("mrp");
    assertThat(requisition.get("lines").get(0).get("qty").decimalValue()).isEqualByComparingTo("50");
    assertThat(requisition.get("lines").get(0).get("supplier").asString()).isEqualTo(supplier);

    RunResult second = runner.run(records, new RunInput(null, null, "week", 4, null, null));
    assertThat(second.replaced()).isEqualTo(1); // A's unconfirmed order; B's confirmed one stays
    JsonNode earlier = records.get("mrp_run", first.runId()).orElseThrow().data();
    assertThat(earlier.get("plannedOrders")).hasSize(1);
    assertThat(earlier.get("plannedOrders").get(0).get("confirmed").asBoolean()).isTrue();
    // Same records in, same plan out.
    JsonNode secondOrders = records.get("mrp_run", second.runId()).orElseThrow().data().get("plannedOrders");
    assertThat(row(secondOrders, a).get("qty").decimalValue()).isEqualByComparingTo("25");
    assertThat(row(secondOrders, b).get("qty").decimalValue()).isEqualByComparingTo("50");
    // Documents are only read.
    assertThat(records.find("purchase_order", List.of(), 10).getFirst().version()).isEqualTo(1);
  }

  @Test
  void aBomCycleFailsTheRunWithItsPathAndLeavesTheEarlierPlanAlone() {
    RunResult good = runner.run(records, new RunInput(null, null, "week", 4, null, null));
    submit("bom", "{'item':'" + b + "','version':'1','active':true,'outputQty':1,'lines':[{'component':'" + a + "','qty':1}]}");

    RunResult failed = runner.run(records, new RunInput(null, null, "week", 4, null, null));

    assertThat(failed.status()).isEqualTo("failed");
    assertThat(failed.errors().getFirst()).startsWith("BOM_CYCLE").contains("A -> B -> A");
    JsonNode run = records.get("mrp_run", failed.runId()).orElseThrow().data();
    assertThat(run.get("runStatus").asString()).isEqualTo("failed");
    assertThat(run.get("message").asString()).contains("BOM_CYCLE");
    assertThat(records.get("mrp_run", good.runId()).orElseThrow().data().get("plannedOrders")).hasSize(2);
  }

  @Test
  void theRunActionIsOfferedByThePlugin() {
    assertThat(new MrpPlugin().actions()).extracting(x -> x.name()).contains("plan", "run", "confirm");
  }

  private static JsonNode row(JsonNode orders, String item) {
    return orders.get(indexOf(orders, item));
  }

  private static int indexOf(JsonNode orders, String item) {
    for (int i = 0; i < orders.size(); i++) if (orders.get(i).get("item").asString().equals(item)) return i;
    throw new AssertionError("No planned order for " + item + " in " + orders);
  }

  private Record submit(String form, String data) {
    return mongo.records.submit("inv", form, json("{'data':" + data + "}"), ALICE);
  }

  private void form(String definition) {
    JsonNode d = json(definition);
    mongo.forms.create("inv", d, "admin");
    mongo.forms.publish("inv", d.get("key").asString(), "admin");
  }
}
