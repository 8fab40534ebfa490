package dev.tangram.engine.templates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tangram.engine.access.Actor;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.forms.FieldDefinition;
import dev.tangram.engine.forms.FormDefinitionWriter;
import dev.tangram.engine.records.Record;
import dev.tangram.engine.records.RecordQuery;
import dev.tangram.engine.testing.EmbeddedMongo;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Upgrading shop 1.0.0 → 1.1.0 after the customer changed it. 1.1.0 renames order.note to
 * remark (with a migration), adds product.sku, relabels product.price, adds form review and its
 * seed data.
 */
class TemplateUpgradeIntegrationTests {

  static final Actor ADMIN = Actor.user("admin", Set.of("ADMIN"), List.of());

  EmbeddedMongo mongo;
  TemplateService templates;

  @BeforeEach
  void setUp() {
    mongo = new EmbeddedMongo();
    templates = TemplateTesting.service(mongo);
    templates.install("shop", "1.0.0", null, "en", false, "admin", InstallObserver.NONE);
  }

  @AfterEach
  void tearDown() {
    mongo.close();
  }

  /** The customer relabels product.name, adds a field colour, and writes a note on an order. */
  private String customise() {
    ObjectNode product = FormDefinitionWriter.write(mongo.forms.getDraft("shop", "product"));
    ArrayNode fields = (ArrayNode) product.get("fields");
    ((ObjectNode) fields.get(1)).put("label", "Product name");
    fields.addObject().put("key", "colour").put("type", "text").put("label", "Colour");
    mongo.forms.saveDraft("shop", "product", product, "admin");
    mongo.forms.publish("shop", "product", "admin");
    return mongo.records.submit("shop", "order", Json.MAPPER.readTree("{\"data\":{\"customer\":\"Globex\",\"note\":\"ring twice\"}}"), ADMIN).id();
  }

  private List<Record> records(String form) {
    return mongo.records.query("shop", form, new RecordQuery(List.of(), List.of(), 0, 100), ADMIN).items();
  }

  @Test
  void anUpgradeKeepsRecordsAndCustomisationsAndTakesTheNewVersion() {
    String orderId = customise();

    UpgradeResult result = templates.upgrade("shop", "1.1.0", null, Map.of(), false, "admin", InstallObserver.NONE);

    assertThat(result.status()).isEqualTo("upgraded");
    assertThat(result.conflicts()).isEmpty();
    var product = mongo.forms.getDraft("shop", "product");
    assertThat(product.fields()).extracting(FieldDefinition::key).contains("code", "sku", "name", "price", "kind", "colour");
    assertThat(product.findField("name").orElseThrow().label()).isEqualTo("Product name");
    assertThat(product.findField("price").orElseThrow().label()).isEqualTo("Unit price");
    assertThat(mongo.forms.formKeys("shop")).contains("review");
    assertThat(records("review")).hasSize(1);
    assertThat(records("product")).hasSize(2);
    Record order = mongo.records.get("shop", "order", orderId, ADMIN);
    assertThat(order.data().get("remark").asString()).isEqualTo("ring twice");
    assertThat(order.data().has("note")).isFalse();
    assertThat(order.formVersion()).isEqualTo(mongo.forms.getLatestPublished("shop", "order").version());
    assertThat(result.migratedRecords()).containsEntry("order", 2L);
    assertThat(templates.flows("shop").get("order").toString()).contains("remark");
    assertThat(templates.progress("shop").orElseThrow().version()).isEqualTo("1.1.0");
    assertThat(result.changes()).extracting(UpgradeResult.Change::path).contains("forms/review.json", "forms/product.json.fields.price");
  }

  @Test
  void aDryRunShowsTheChangesAndWritesNothing() {
    customise();
    var before = mongo.forms.list("shop");

    UpgradeResult plan = templates.upgrade("shop", "1.1.0", null, Map.of(), true, "admin", InstallObserver.NONE);

    assertThat(plan.status()).isEqualTo("planned");
    assertThat(plan.changes()).extracting(UpgradeResult.Change::kind).contains("added", "updated", "kept");
    assertThat(plan.migrations()).singleElement().asString().contains("note=remark");
    assertThat(mongo.forms.list("shop")).isEqualTo(before);
    assertThat(templates.progress("shop").orElseThrow().version()).isEqualTo("1.0.0");
  }

  @Test
  void conflictsAreListedAndNothingChangesUntilTheAdminDecides() {
    ObjectNode product = FormDefinitionWriter.write(mongo.forms.getDraft("shop", "product"));
    ((ObjectNode) product.get("fields").get(2)).put("label", "Price (CNY)"); // 1.1.0 says "Unit price"
    mongo.forms.saveDraft("shop", "product", product, "admin");
    mongo.forms.publish("shop", "product", "admin");

    UpgradeResult refused = templates.upgrade("shop", "1.1.0", null, Map.of(), false, "admin", InstallObserver.NONE);

    assertThat(refused.status()).isEqualTo("conflicts");
    assertThat(refused.conflicts()).singleElement().satisfies(c -> {
      assertThat(c.path()).isEqualTo("forms/product.json.fields.price.label");
      assertThat(c.shipped().asString()).isEqualTo("Price");
      assertThat(c.installed().asString()).isEqualTo("Price (CNY)");
      assertThat(c.offered().asString()).isEqualTo("Unit price");
    });
    assertThat(mongo.forms.formKeys("shop")).doesNotContain("review");

    UpgradeResult decided = templates.upgrade("shop", "1.1.0", null, Map.of("forms/product.json.fields.price.label", "mine"), false, "admin", InstallObserver.NONE);

    assertThat(decided.status()).isEqualTo("upgraded");
    assertThat(mongo.forms.getDraft("shop", "product").findField("price").orElseThrow().label()).isEqualTo("Price (CNY)");
    assertThat(mongo.forms.formKeys("shop")).contains("review");
  }

  @Test
  void changingAParameterRerendersTheInstalledApp() {
    UpgradeResult result = templates.changeParameters("shop", Json.MAPPER.readTree("{\"approvalLimit\": 20000}"), Map.of(), false, "admin");

    assertThat(result.status()).isEqualTo("upgraded");
    assertThat(templates.flows("shop").get("order").toString()).contains("total > 20000");
    assertThat(mongo.forms.getDraft("shop", "order").triggers().getFirst().script()).contains("20000 * 100");
    assertThat(templates.parameters("shop")).containsEntry("approvalLimit", 20000);
  }

  @Test
  void anUpgradeStoppedHalfWayIsFinishedAtTheNextStart() {
    String orderId = customise();
    try {
      templates.upgrade("shop", "1.1.0", null, Map.of(), false, "admin", (app, step, done, total) -> {
        if (step.startsWith("migrate:")) {
          throw new IllegalStateException("power cut");
        }
      });
    } catch (IllegalStateException expected) {
      // as a crash would
    }
    assertThat(templates.progress("shop").orElseThrow().state()).isEqualTo("upgrading");

    TemplateService restarted = TemplateTesting.service(mongo);
    restarted.recoverInterrupted();

    assertThat(restarted.progress("shop").orElseThrow().state()).isEqualTo("installed");
    assertThat(restarted.progress("shop").orElseThrow().version()).isEqualTo("1.1.0");
    assertThat(mongo.records.get("shop", "order", orderId, ADMIN).data().get("remark").asString()).isEqualTo("ring twice");
    assertThat(records("review")).hasSize(1);
  }
}
