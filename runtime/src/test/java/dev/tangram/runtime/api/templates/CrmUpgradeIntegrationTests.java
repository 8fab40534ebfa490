package dev.tangram.runtime.api.templates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tangram.engine.common.Json;
import dev.tangram.runtime.api.ApiClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Upgrading the built-in CRM after the customer changed it, through the public API: an admin adds a
 * field to the customer form and renames a label; version 1.2.0 of the package (the shipped files
 * plus a new field) is uploaded and installed over it. Every record stays, the admin's field and
 * label stay, the new field arrives.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tangram.test.context=crm-upgrade")
@ActiveProfiles("test")
class CrmUpgradeIntegrationTests {

  static final String CRM = "/api/v1/apps/crm/forms/";

  @LocalServerPort
  int port;

  @Test
  void anUpgradeOfTheCustomisedCrmKeepsRecordsAndCustomisations() throws IOException {
    ApiClient admin = new ApiClient(port).login("admin", "test-admin-pw");
    assertThat(admin.send("POST", "/api/v1/templates/crm/install", "{'locale':'en'}").status()).isEqualTo(201);
    long seeded = admin.get(CRM + "customer/records").body().get("total").asLong();

    // the customer's own changes: a new field, a label of their own
    ObjectNode customer = (ObjectNode) admin.get(CRM + "customer").body();
    ArrayNode fields = (ArrayNode) customer.get("fields");
    fields.addObject().put("key", "wechatGroup").put("type", "text").put("label", "WeChat group").put("maxLength", 60);
    for (JsonNode f : fields) {
      if (f.get("key").asString().equals("region")) {
        ((ObjectNode) f).put("label", "Sales territory");
      }
    }
    ApiClient.Response saved = admin.sendRaw("PUT", CRM + "customer", customer.toString(), "Content-Type", "application/json");
    assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
    assertThat(admin.send("POST", CRM + "customer/publish", null).status()).isEqualTo(200);
    String mine = admin.send("POST", CRM + "customer/records", "{'data':{'name':'Own Co','region':'North','wechatGroup':'own-co-buyers'}}")
        .body().get("_id").asString();

    assertThat(admin.postBytes("/api/v1/templates", TemplateApiIntegrationTests.zip(crmVersion("1.2.0")), "application/zip").status()).isEqualTo(201);
    ApiClient.Response dry = admin.send("POST", "/api/v1/templates/crm/upgrade", "{'dryRun':true}");
    assertThat(dry.status()).as(dry.body().toString()).isEqualTo(200);
    assertThat(dry.body().get("conflicts")).isEmpty();
    ApiClient.Response upgraded = admin.send("POST", "/api/v1/templates/crm/upgrade", "{}");
    assertThat(upgraded.status()).as(upgraded.body().toString()).isEqualTo(200);
    assertThat(upgraded.body().get("status").asString()).isEqualTo("upgraded");

    JsonNode form = admin.get(CRM + "customer").body();
    List<String> keys = new ArrayList<>();
    form.get("fields").forEach(f -> keys.add(f.get("key").asString()));
    assertThat(keys).contains("wechatGroup", "website", "name", "lastContact");
    form.get("fields").forEach(f -> {
      if (f.get("key").asString().equals("region")) {
        assertThat(f.get("label").asString()).isEqualTo("Sales territory");
      }
    });
    assertThat(admin.get(CRM + "customer/records").body().get("total").asLong()).isEqualTo(seeded + 1);
    assertThat(admin.get(CRM + "customer/records/" + mine).body().get("data").get("wechatGroup").asString()).isEqualTo("own-co-buyers");
    assertThat(admin.get("/api/v1/templates/installs/crm").body().get("version").asString()).isEqualTo("1.2.0");
    ApiClient.Response withWebsite = admin.send("POST", CRM + "customer/records", "{'data':{'name':'Web Co','website':'https://web.example.com'}}");
    assertThat(withWebsite.status()).as(withWebsite.body().toString()).isEqualTo(201);
  }

  /** The shipped CRM package as files, at {@code version}, with a field {@code website} added to the customer form. */
  static Map<String, String> crmVersion(String version) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    ObjectNode manifest = (ObjectNode) Json.MAPPER.readTree(read("template.json"));
    manifest.put("version", version);
    files.put("template.json", manifest.toString());
    manifest.get("forms").forEach(f -> files.put("forms/" + f.asString() + ".json", read("forms/" + f.asString() + ".json")));
    manifest.get("flows").forEach(f -> files.put("flows/" + f.asString() + ".json", read("flows/" + f.asString() + ".json")));
    manifest.get("views").forEach(f -> files.put("views/" + f.asString() + ".json", read("views/" + f.asString() + ".json")));
    manifest.get("data").forEach(f -> files.put("data/" + f.asString() + ".json", read("data/" + f.asString() + ".json")));
    manifest.get("rules").forEach(r -> files.put("rules/" + r.get("file").asString(), read("rules/" + r.get("file").asString())));
    ObjectNode customer = (ObjectNode) Json.MAPPER.readTree(files.get("forms/customer.json"));
    ((ArrayNode) customer.get("fields")).addObject().put("key", "website").put("type", "text").put("label", "Website").put("maxLength", 200);
    files.put("forms/customer.json", customer.toString());
    ObjectNode zh = (ObjectNode) Json.MAPPER.readTree(read("i18n/zh-CN.json"));
    zh.put("customer.website", "网站");
    files.put("i18n/zh-CN.json", zh.toString());
    return files;
  }

  static String read(String path) {
    try (InputStream in = CrmUpgradeIntegrationTests.class.getClassLoader().getResourceAsStream("templates/crm/" + path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
