package dev.tangram.plugins.mrp.run;

import static dev.tangram.engine.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tangram.engine.access.Actor;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.common.TangramException;
import dev.tangram.engine.records.AppRecords;
import dev.tangram.engine.records.Record;
import dev.tangram.engine.testing.EmbeddedMongo;
import dev.tangram.plugins.mrp.ConfirmInput;
import dev.tangram.plugins.mrp.RunInput;
import dev.tangram.plugins.mrp.RunResult;
import dev.tangram.plugins.mrp.internal.run.MrpRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code run} and {@code confirm} on the forms of the shipped Purchasing &amp; Inventory template
 * ({@code templates/src/main/resources/templates/inventory/forms}, read from the repository), so
 * the form and field keys the runner reads are the template's. Same hand-worked plan as
 * {@link MrpRunIntegrationTests}.
 */
class MrpRunOnInventoryTemplateTests {

  private static final Path FORMS = Path.of("../../templates/src/main/resources/templates/inventory/forms");
  private static final Actor ALICE = Actor.user("alice", Set.of("ADMIN"), List.of());

  private EmbeddedMongo mongo;
  private AppRecords records;

  @BeforeEach
  void setUp() throws IOException {
    mongo = new EmbeddedMongo();
    mongo.apps.create("inv", "Inventory", null, "admin");
    List<JsonNode> pending = new ArrayList<>();
    try (Stream<Path> files = Files.list(FORMS)) {
      for (Path f : files.sorted().toList()) pending.add(Json.MAPPER.readTree(Files.readString(f)));
    }
    // Relations need their target form first: create what can be created until all are there.
    while (!pending.isEmpty()) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode form : pending) {
        try {
          mongo.forms.create("inv", form, "admin");
          mongo.forms.publish("inv", form.get("key").asString(), "admin");
        } catch (TangramException e) {
          next.add(form);
        }
      }
      assertThat(next).as("forms that cannot be created").hasSizeLessThan(pending.size());
      pending = next;
    }
    records = mongo.records.forApp("inv", "mrp-test");
  }

  @AfterEach
  void tearDown() {
    mongo.close();
  }

  @Test
  void runAndConfirmOnTheTemplatesForms() {
    String supplier = submit("supplier", "{'name':'Acme'}").id();
    String customer = submit("customer", "{'code':'C1','name':'Beta'}").id();
    String main = submit("warehouse", "{'code':'MAIN','name':'Main'}").id();
    String a = submit("item", "{'code':'A','name':'Chair','itemType':'finished','source':'make','unit':'pcs','valuation':'movingAverage',"
        + "'lotRule':'L4L','leadTime':1}").id();
    String b = submit("item", "{'code':'B','name':'Leg','itemType':'raw','source':'buy','unit':'pcs','valuation':'movingAverage',"
        + "'lotRule':'MIN_MULT','minOrderQty':50,'orderMultiple':10,'leadTime':1,'defaultSupplier':'" + supplier + "'}").id();
    submit("bom", "{'item':'" + a + "','version':'1','active':true,'outputQty':1,'lines':[{'component':'" + b + "','qty':2}]}");
    submit("stock_balance", "{'item':'" + a + "','warehouse':'" + main + "','onHand':10,'allocated':0}");
    submit("sales_order", "{'customer':'" + customer + "','orderDate':'2025-01-02','orderStatus':'confirmed',"
        + "'lines':[{'item':'" + a + "','qty':30,'price':10,'deliveryDate':'2025-01-20'}]}");
    submit("forecast", "{'item':'" + a + "','periodStart':'2025-01-13','qty':5}");
    submit("purchase_order", "{'supplier':'" + supplier + "','orderDate':'2025-01-02','orderStatus':'confirmed',"
        + "'lines':[{'item':'" + b + "','qty':20,'price':1,'dueDate':'2025-01-13','receivedQty':0}]}");
    MrpRunner runner = new MrpRunner(Clock.fixed(Instant.parse("2025-01-06T08:00:00Z"), ZoneOffset.UTC));

    RunResult result = runner.run(records, new RunInput(null, "2025-01-06", "week", 4, null, null));

    assertThat(result.errors()).isEmpty();
    assertThat(result.status()).isEqualTo("done");
    JsonNode orders = records.get("mrp_run", result.runId()).orElseThrow().data().get("plannedOrders");
    assertThat(orders).hasSize(2);
    int rowOfB = orders.get(0).get("item").asString().equals(b) ? 0 : 1;
    assertThat(orders.get(rowOfB).get("qty").decimalValue()).isEqualByComparingTo("50");
    assertThat(orders.get(1 - rowOfB).get("qty").decimalValue()).isEqualByComparingTo("25");
    var confirmed = runner.confirm(records, new ConfirmInput(result.runId(), rowOfB));
    JsonNode requisition = records.get("purchase_requisition", confirmed.recordId()).orElseThrow().data();
    assertThat(requisition.get("lines").get(0).get("qty").decimalValue()).isEqualByComparingTo("50");
    assertThat(runner.run(records, new RunInput(null, "2025-01-06", "week", 4, null, null)).replaced()).isEqualTo(1);
  }

  private Record submit(String form, String data) {
    return mongo.records.submit("inv", form, json("{'data':" + data + "}"), ALICE);
  }
}
