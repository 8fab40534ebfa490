package dev.tangram.runtime.api.templates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tangram.runtime.api.ApiClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/** The marketplace over HTTP: catalog, upload, install, progress, upgrade, uninstall. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TemplateApiIntegrationTests {

  @LocalServerPort
  int port;

  static byte[] zip(Map<String, String> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, String> file : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  static Map<String, String> notes(String version, String noteField) {
    Map<String, String> files = new LinkedHashMap<>();
    String migration = noteField.equals("text") ? "" : ",\"migrations\":[{\"version\":\"" + version + "\",\"form\":\"note\",\"rename\":{\"text\":\"" + noteField + "\"}}]";
    files.put("template.json", "{\"key\":\"notes\",\"version\":\"" + version + "\",\"name\":{\"en\":\"Notes\",\"zh-CN\":\"笔记\"},"
        + "\"category\":\"test\",\"forms\":[\"note\"],\"views\":[\"all_notes\"],\"data\":[\"welcome\"]" + migration + "}");
    files.put("forms/note.json", "{\"key\":\"note\",\"name\":\"Note\",\"fields\":[{\"key\":\"title\",\"type\":\"text\",\"required\":true},"
        + "{\"key\":\"" + noteField + "\",\"type\":\"textarea\"}]}");
    files.put("views/all_notes.json", "{\"type\":\"list\",\"form\":\"note\",\"title\":{\"en\":\"Notes\",\"zh-CN\":\"全部笔记\"},\"columns\":[\"title\"]}");
    files.put("data/welcome.json", "{\"form\":\"note\",\"records\":[{\"title\":\"Welcome\",\"" + noteField + "\":\"hello\"}]}");
    return files;
  }

  @Test
  void theBuiltInTemplatesAreListedValid() {
    ApiClient admin = new ApiClient(port).login("admin", "test-admin-pw");

    JsonNode catalog = admin.get("/api/v1/templates").body();

    JsonNode inventory = find(catalog, "inventory");
    assertThat(inventory.get("problems")).isEmpty();
    assertThat(inventory.get("creates").get("forms").asInt()).isEqualTo(24);
    assertThat(inventory.get("name").get("zh-CN").asString()).isEqualTo("进销存");
    assertThat(inventory.get("origin").asString()).isEqualTo("builtin");

    JsonNode crm = find(catalog, "crm");
    assertThat(crm.get("problems")).isEmpty();
    assertThat(crm.get("creates").get("forms").asInt()).isEqualTo(8);
    assertThat(crm.get("name").get("zh-CN").asString()).isEqualTo("客户关系管理");
  }

  @Test
  void anInvalidUploadIsRefusedWholeWithEveryProblem() throws IOException {
    ApiClient admin = new ApiClient(port).login("admin", "test-admin-pw");
    Map<String, String> files = notes("1.0.0", "text");
    files.put("forms/note.json", "{\"key\":\"note\",\"name\":\"Note\",\"fields\":[{\"key\":\"title\",\"type\":\"txt\"}]}");
    files.put("template.json", files.get("template.json").replace("\"category\"", "\"requires\":{\"plugins\":[\"teleport\"]},\"category\""));

    String before = admin.get("/api/v1/templates").body().toString();
    ApiClient.Response refused = admin.postBytes("/api/v1/templates", zip(files), "application/zip");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("forms/note.json#fields[0].type",
        "template.json#requires.plugins[0]");
    assertThat(admin.get("/api/v1/templates").body().toString()).isEqualTo(before);
    assertThat(admin.postBytes("/api/v1/templates", new byte[] {1, 2, 3}, "application/zip").status()).isEqualTo(422);
  }

  @Test
  void uploadInstallUpgradeAndUninstallAPackage() throws IOException {
    ApiClient admin = new ApiClient(port).login("admin", "test-admin-pw");
    assertThat(admin.postBytes("/api/v1/templates", zip(notes("1.0.0", "text")), "application/zip").status()).isEqualTo(201);

    ApiClient.Response planned = admin.send("POST", "/api/v1/templates/notes/install", "{'dryRun':true,'locale':'en'}");
    assertThat(planned.status()).isEqualTo(200);
    assertThat(planned.body().get("status").asString()).isEqualTo("planned");
    assertThat(admin.get("/api/v1/apps/notes").status()).isEqualTo(404);

    ApiClient.Response installed = admin.send("POST", "/api/v1/templates/notes/install", "{'locale':'zh-CN'}");
    assertThat(installed.status()).isEqualTo(201);
    assertThat(installed.body().get("created").get("records").asInt()).isEqualTo(1);
    JsonNode progress = admin.get("/api/v1/templates/installs/notes").body();
    assertThat(progress.get("state").asString()).isEqualTo("installed");
    assertThat(progress.get("done").asInt()).isEqualTo(progress.get("total").asInt());
    assertThat(admin.get("/api/v1/apps/notes/views").body().get("all_notes").get("title").asString()).isEqualTo("全部笔记");
    assertThat(admin.send("POST", "/api/v1/templates/notes/install", "{}").body().get("status").asString()).isEqualTo("unchanged");
    admin.send("POST", "/api/v1/apps/notes/forms/note/records", "{'data':{'title':'Mine','text':'keep me'}}");

    assertThat(admin.postBytes("/api/v1/templates", zip(notes("1.1.0", "body")), "application/zip").status()).isEqualTo(201);
    ApiClient.Response dry = admin.send("POST", "/api/v1/templates/notes/upgrade", "{'dryRun':true}");
    assertThat(dry.body().get("status").asString()).isEqualTo("planned");
    assertThat(dry.body().get("migratedRecords").get("note").asInt()).isEqualTo(2);
    ApiClient.Response upgraded = admin.send("POST", "/api/v1/templates/notes/upgrade", "{}");
    assertThat(upgraded.status()).isEqualTo(200);
    assertThat(upgraded.body().get("status").asString()).isEqualTo("upgraded");
    JsonNode records = admin.get("/api/v1/apps/notes/forms/note/records?sort=title").body();
    assertThat(records.findValuesAsString("body")).containsExactlyInAnyOrder("keep me", "hello");

    ApiClient.Response uninstallPlan = admin.send("DELETE", "/api/v1/apps/notes?dryRun=true", null);
    assertThat(uninstallPlan.status()).isEqualTo(200);
    assertThat(uninstallPlan.body().get("records").get("note").asInt()).isEqualTo(2);
    ApiClient.Response uninstalled = admin.send("DELETE", "/api/v1/apps/notes?purge=true", null);
    assertThat(uninstalled.body().get("status").asString()).isEqualTo("uninstalled");
    assertThat(admin.get("/api/v1/apps/notes").status()).isEqualTo(404);
    assertThat(admin.get("/api/v1/templates/installs/notes").status()).isEqualTo(404);
  }

  @Test
  void badInstallRequestsAreRefused() {
    ApiClient admin = new ApiClient(port).login("admin", "test-admin-pw");

    assertThat(admin.send("POST", "/api/v1/templates/nosuch/install", "{}").status()).isEqualTo(404);
    ApiClient.Response unknown = admin.send("POST", "/api/v1/templates/inventory/install", "{'dryRun':'yes','colour':1}");
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(admin.send("POST", "/api/v1/templates/inventory/install", "{'locale':'fr'}").status()).isEqualTo(422);
  }

  static JsonNode find(JsonNode catalog, String key) {
    for (JsonNode entry : catalog) {
      if (entry.get("key").asString().equals(key)) {
        return entry;
      }
    }
    throw new AssertionError("No template " + key + " in " + catalog);
  }
}
