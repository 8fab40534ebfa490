package dev.tangram.runtime.api.templates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tangram.engine.common.Json;
import dev.tangram.runtime.api.ApiClient;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Upgrading an inventory app installed at 1.1.0 — whose ledger rule posted receipts and deliveries
 * on creation and reversed them on deletion only — to the built-in version, through the public API.
 * 1.1.0 is rebuilt from the shipped files with that version's manifest rules and rule script
 * ({@code template-versions/inventory-1.1.0}). After the upgrade the records stay, an edit of a
 * receipt posted under 1.1.0 reverses its voucher and posts it again, and invoices post.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tangram.test.context=inventory-upgrade")
@ActiveProfiles("test")
class InventoryUpgradeIntegrationTests {

  static final String BASE = "/api/v1/apps/inventory/forms/";

  @LocalServerPort
  int port;

  ApiClient admin;

  @Test
  void anAppInstalledAt110PostsEditsAndInvoicesAfterTheUpgrade() throws IOException {
    admin = new ApiClient(port).login("admin", "test-admin-pw");
    assertThat(admin.postBytes("/api/v1/templates", TemplateApiIntegrationTests.zip(version110()), "application/zip").status()).isEqualTo(201);
    ApiClient.Response installed = admin.send("POST", "/api/v1/templates/inventory/install", "{'version':'1.1.0','locale':'en'}");
    assertThat(installed.status()).as(installed.body().toString()).isIn(200, 201);

    String supplier = create("supplier", "{'name':'Upgrade Supplier'}");
    String item = create("item", "{'code':'UPG-1','name':'Flange'}");
    String warehouse = create("warehouse", "{'code':'UPG','name':'Upgrade'}");
    String receipt = create("goods_receipt", "{'supplier':'" + supplier + "','warehouse':'" + warehouse
        + "','receiptDate':'2026-11-03','lines':[{'item':'" + item + "','qty':100,'unitCost':50}]}");
    assertThat(entries("goods_receipt/" + receipt + "/post")).hasSize(1);
    patch("goods_receipt", receipt, "{'lines':[{'item':'" + item + "','qty':110,'unitCost':50}]}");
    assertThat(reposts(receipt)).as("1.1.0 does not post edits").isEmpty();

    ApiClient.Response upgraded = admin.send("POST", "/api/v1/templates/inventory/upgrade", "{}");
    assertThat(upgraded.status()).as(upgraded.body().toString()).isEqualTo(200);
    assertThat(upgraded.body().get("status").asString()).isEqualTo("upgraded");
    assertThat(upgraded.body().get("conflicts")).isEmpty();
    String shipped = admin.get("/api/v1/templates/installs/inventory").body().get("version").asString();
    assertThat(shipped).isNotEqualTo("1.1.0");

    // The next edit reverses the voucher posted under 1.1.0 (5,000.00) and posts 120 @ 50.00.
    patch("goods_receipt", receipt, "{'lines':[{'item':'" + item + "','qty':120,'unitCost':50}]}");
    JsonNode corrected = reposts(receipt);
    assertThat(corrected).hasSize(1);
    assertThat(InventoryScenarioIntegrationTests.lines(corrected.get(0), "debit", true)).isEqualTo(Map.of("1405", new BigDecimal("-5000.00")));
    assertThat(InventoryScenarioIntegrationTests.lines(corrected.get(0), "debit", false)).isEqualTo(Map.of("1405", new BigDecimal("6000.00")));

    String invoice = create("supplier_invoice", "{'fapiaoNo':'UPG0001','supplier':'" + supplier + "','invoiceDate':'2026-11-05',"
        + "'lines':[{'receipt':'" + receipt + "','item':'" + item + "','qty':120,'price':50,'taxRate':13}]}");
    JsonNode posted = entries("supplier_invoice/" + invoice + "/post");
    assertThat(posted).hasSize(1);
    assertThat(InventoryScenarioIntegrationTests.lines(posted.get(0), "credit")).isEqualTo(Map.of("220201", new BigDecimal("6780.00")));
    assertThat(admin.get(BASE + "goods_receipt/records/" + receipt).body().get("data").get("lines").get(0).get("qty").decimalValue())
        .isEqualByComparingTo("120");
  }

  /** The shipped package as 1.1.0 was: its version, its ledger rule (receipts and deliveries, created and deleted) and script. */
  static Map<String, String> version110() throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    ObjectNode manifest = (ObjectNode) Json.MAPPER.readTree(read("templates/inventory/template.json"));
    manifest.put("version", "1.1.0");
    ArrayNode rules = Json.MAPPER.createArrayNode();
    for (JsonNode rule : manifest.get("rules")) {
      if (!rule.get("name").asString().equals("ledgerPost")) {
        rules.add(rule);
      } else if (rule.get("form").asString().equals("goods_receipt") || rule.get("form").asString().equals("delivery")) {
        ObjectNode old = ((ObjectNode) rule).deepCopy();
        old.putArray("on").add("record.created").add("record.deleted");
        rules.add(old);
      }
    }
    manifest.set("rules", rules);
    files.put("template.json", manifest.toString());
    for (String kind : new String[] {"forms", "flows", "views", "data"}) {
      manifest.get(kind).forEach(f -> files.put(kind + "/" + f.asString() + ".json", read("templates/inventory/" + kind + "/" + f.asString() + ".json")));
    }
    files.put("rules/reorder_check.js", read("templates/inventory/rules/reorder_check.js"));
    files.put("rules/ledger_post.js", read("template-versions/inventory-1.1.0/rules/ledger_post.js"));
    files.put("i18n/zh-CN.json", read("templates/inventory/i18n/zh-CN.json"));
    return files;
  }

  static String read(String path) {
    try (InputStream in = InventoryUpgradeIntegrationTests.class.getClassLoader().getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  String create(String form, String data) {
    ApiClient.Response r = admin.send("POST", BASE + form + "/records", "{'data':" + data + "}");
    assertThat(r.status()).as(form + ": " + r.body()).isEqualTo(201);
    return r.body().get("_id").asString();
  }

  void patch(String form, String id, String data) {
    ApiClient.Response r = admin.send("PATCH", BASE + form + "/records/" + id, "{'data':" + data + "}");
    assertThat(r.status()).as(form + ": " + r.body()).isEqualTo(200);
  }

  JsonNode entries(String sourceKey) {
    return ledgerEntries("[{'field':'sourceKey','op':'eq','value':'" + sourceKey + "'}]");
  }

  JsonNode reposts(String receipt) {
    return ledgerEntries("[{'field':'sourceKey','op':'startsWith','value':'goods_receipt/" + receipt + "/repost/'}]");
  }

  JsonNode ledgerEntries(String filter) {
    return admin.get(BASE + "ledger_entry/records?filter=" + URLEncoder.encode(filter.replace('\'', '"'), StandardCharsets.UTF_8)).body().get("items");
  }
}
