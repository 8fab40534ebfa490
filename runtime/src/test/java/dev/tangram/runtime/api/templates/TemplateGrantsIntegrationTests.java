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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The grants a template ships ({@code "permissions"} in template.json), through the public API: the
 * OA install lets finance see everyone's expense claims and HR everyone's leave while a plain
 * employee still sees only their own; a package with a malformed grant is refused whole, one
 * naming an unknown role is refused at install with nothing installed; an upgrade adds the grants
 * the new version ships, keeps a shipped grant the admin removed removed, and lists a grant both
 * changed as a conflict for the admin to decide.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tangram.test.context=template-grants")
@ActiveProfiles("test")
class TemplateGrantsIntegrationTests {

  static final String OA = "/api/v1/apps/oa/forms/";
  static final String PASSWORD = "password-of-grant-tests";

  @LocalServerPort
  int port;

  ApiClient admin;
  String s;

  @BeforeEach
  void login() {
    admin = new ApiClient(port).login("admin", "test-admin-pw");
    s = Long.toString(System.nanoTime(), 36);
    assertThat(admin.send("POST", "/api/v1/departments", "{'id':'dept" + s + "','name':'Dept " + s + "'}").status()).isEqualTo(201);
  }

  @Test
  void afterTheOaInstallFinanceAndHrSeeOtherPeoplesRecordsAndAPlainEmployeeDoesNot() {
    install("{'locale':'en'}");
    ApiClient emp = hire("emp", null);
    ApiClient colleague = hire("colleague", null);
    ApiClient fin = hire("fin", "finance");
    ApiClient hr = hire("hr", "hr");

    String claim = submit(emp, "expense_claim", "{'claimant':'emp" + s + "','department':'dept" + s + "','lines':[{'date':'2026-11-20',"
        + "'category':'travel','description':'Taxi','amount':88,'invoices':1}],'payee':'emp" + s + "','payeeAccount':'6222 0000 1111'}");
    String leave = submit(emp, "leave", "{'applicant':'emp" + s + "','leaveType':'personal','startDate':'2026-12-01',"
        + "'endDate':'2026-12-01','reason':'Dentist'}");

    assertThat(ids(fin, "expense_claim")).contains(claim);
    assertThat(fin.get(OA + "expense_claim/records/" + claim).status()).isEqualTo(200);
    assertThat(ids(hr, "leave")).contains(leave);
    assertThat(ids(colleague, "expense_claim")).doesNotContain(claim);
    assertThat(ids(colleague, "leave")).doesNotContain(leave);
    assertThat(colleague.get(OA + "expense_claim/records/" + claim).status()).isIn(403, 404);
    assertThat(ids(hr, "expense_claim")).as("HR has no grant on expense claims").doesNotContain(claim);
    assertThat(ids(emp, "expense_claim")).as("everyone still sees their own").contains(claim);
  }

  @Test
  void aPackageWithAMalformedGrantIsRefusedWholeAndAnUnknownRoleAtInstall() throws IOException {
    String before = admin.get("/api/v1/templates").body().toString();
    Map<String, String> bad = notes("{'note':[{'to':'boss','operations':['APPROVE'],'scope':'EVERYTHING','fields':{'colour':'READ'}}],"
        + "'memo':[{'to':'everyone','operations':['VIEW'],'scope':'ALL'}]}");

    ApiClient.Response refused = admin.postBytes("/api/v1/templates", TemplateApiIntegrationTests.zip(bad), "application/zip");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
        "template.json#permissions.note[0].to", "template.json#permissions.note[0].operations[0]",
        "template.json#permissions.note[0].scope", "template.json#permissions.memo");
    assertThat(refused.body().toString()).contains("unknownOperation", "unknownScope", "unknownForm");
    assertThat(admin.get("/api/v1/templates").body().toString()).isEqualTo(before);

    Map<String, String> unknownField = notes("{'note':[{'to':'everyone','operations':['VIEW'],'scope':'ALL','fields':{'colour':'READ'}}]}");
    ApiClient.Response noField = admin.postBytes("/api/v1/templates", TemplateApiIntegrationTests.zip(unknownField), "application/zip");
    assertThat(noField.status()).isEqualTo(422);
    assertThat(noField.body().get("errors").findValuesAsString("field")).containsExactly("template.json#permissions.note[0].fields.colour");

    Map<String, String> undeclared = notes("{'note':[{'to':'role:treasurer" + s + "','operations':['VIEW'],'scope':'ALL'}]}");
    assertThat(admin.postBytes("/api/v1/templates", TemplateApiIntegrationTests.zip(undeclared), "application/zip").status()).isEqualTo(201);
    ApiClient.Response install = admin.send("POST", "/api/v1/templates/grantnotes/install", "{'locale':'en'}");
    assertThat(install.status()).as(install.body().toString()).isIn(400, 422);
    assertThat(install.body().get("errors").findValuesAsString("field")).containsExactly("template.json#permissions.note[0].to");
    assertThat(install.body().toString()).contains("unknownRole", "treasurer" + s);
    assertThat(admin.get("/api/v1/apps/grantnotes").status()).isEqualTo(404);
  }

  @Test
  void anUpgradeAddsNewGrantsAndKeepsAShippedGrantTheAdminRemovedRemoved() throws IOException {
    install("{'version':'1.1.0','locale':'en'}");
    ApiClient emp = hire("emp", null);
    ApiClient fin = hire("fin", "finance");
    ApiClient cashier = hire("cash", "cashier");
    ApiClient hr = hire("hr", "hr");
    String claim = submit(emp, "expense_claim", "{'claimant':'emp" + s + "','department':'dept" + s + "','lines':[{'date':'2026-11-21',"
        + "'category':'travel','description':'Train','amount':45,'invoices':1}],'payee':'emp" + s + "','payeeAccount':'6222 0000 2222'}");
    assertThat(ids(cashier, "expense_claim")).contains(claim);

    // the admin decides the cashier sees claims only through the payment task, and finance only views them
    List<JsonNode> kept = new ArrayList<>();
    grants("expense_claim").forEach(g -> {
      if (g.get("to").asString().equals("role:finance")) {
        ((ObjectNode) g).putArray("operations").add("VIEW");
      }
      if (!g.get("to").asString().equals("role:cashier")) {
        kept.add(g);
      }
    });
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.putArray("grants").addAll(kept);
    ApiClient.Response put = admin.sendRaw("PUT", OA + "expense_claim/permissions", body.toString(), "Content-Type", "application/json");
    assertThat(put.status()).as(put.body().toString()).isEqualTo(200);
    assertThat(ids(cashier, "expense_claim")).doesNotContain(claim);

    // 1.2.0 ships one more grant, HR may view expense claims too, and lets finance delete them
    Map<String, String> next = oaFiles("1.2.0");
    ObjectNode manifest = (ObjectNode) Json.MAPPER.readTree(next.get("template.json"));
    manifest.get("permissions").get("expense_claim").forEach(g -> {
      if (g.get("to").asString().equals("role:finance")) {
        ((ArrayNode) g.get("operations")).add("DELETE");
      }
    });
    ((ArrayNode) manifest.get("permissions").get("expense_claim")).addObject().put("to", "role:hr").put("scope", "ALL")
        .putArray("operations").add("VIEW");
    next.put("template.json", manifest.toString());
    assertThat(admin.postBytes("/api/v1/templates", TemplateApiIntegrationTests.zip(next), "application/zip").status()).isEqualTo(201);

    String financeOperations = "permissions/expense_claim.role:finance@ALL.operations";
    ApiClient.Response undecided = admin.send("POST", "/api/v1/templates/oa/upgrade", "{'version':'1.2.0'}");
    assertThat(undecided.status()).as(undecided.body().toString()).isEqualTo(409);
    assertThat(undecided.body().get("conflicts").findValuesAsString("path")).containsExactly(financeOperations);
    assertThat(grants("expense_claim").toString()).as("nothing changed").doesNotContain("role:hr");
    String decided = "'resolutions':{'" + financeOperations + "':'mine'}";
    ApiClient.Response dry = admin.send("POST", "/api/v1/templates/oa/upgrade", "{'version':'1.2.0','dryRun':true," + decided + "}");
    assertThat(dry.status()).as(dry.body().toString()).isEqualTo(200);
    assertThat(dry.body().get("conflicts")).isEmpty();
    assertThat(dry.body().get("changes").toString()).contains("permissions/expense_claim.role:hr@ALL", "permissions/expense_claim.role:cashier@ALL");
    ApiClient.Response upgraded = admin.send("POST", "/api/v1/templates/oa/upgrade", "{'version':'1.2.0'," + decided + "}");
    assertThat(upgraded.status()).as(upgraded.body().toString()).isEqualTo(200);
    assertThat(upgraded.body().get("status").asString()).isEqualTo("upgraded");

    List<String> holders = new ArrayList<>();
    grants("expense_claim").forEach(g -> holders.add(g.get("to").asString()));
    assertThat(holders).contains("role:hr", "role:finance", "everyone").doesNotContain("role:cashier");
    grants("expense_claim").forEach(g -> {
      if (g.get("to").asString().equals("role:finance")) {
        assertThat(g.get("operations").toString()).as("the admin's decision").isEqualTo("[\"VIEW\"]");
      }
    });
    assertThat(ids(cashier, "expense_claim")).doesNotContain(claim);
    assertThat(ids(hr, "expense_claim")).contains(claim);
    assertThat(ids(fin, "expense_claim")).contains(claim);
  }

  void install(String body) {
    ApiClient.Response r = admin.send("POST", "/api/v1/templates/oa/install", body);
    assertThat(r.status()).as(r.body().toString()).isIn(200, 201);
  }

  ApiClient hire(String name, String role) {
    ApiClient.Response r = admin.send("POST", "/api/v1/users", "{'username':'" + name + s + "','displayName':'" + name + "','password':'" + PASSWORD
        + "','departments':['dept" + s + "'],'roles':[" + (role == null ? "" : "'" + role + "'") + "]}");
    assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
    return new ApiClient(port).login(name + s, PASSWORD);
  }

  String submit(ApiClient who, String form, String data) {
    ApiClient.Response r = who.send("POST", OA + form + "/records", "{'data':" + data + "}");
    assertThat(r.status()).as(form + ": " + r.body()).isEqualTo(201);
    return r.body().get("_id").asString();
  }

  List<String> ids(ApiClient who, String form) {
    ApiClient.Response r = who.get(OA + form + "/records?size=200");
    assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    r.body().get("items").forEach(i -> ids.add(i.get("_id").asString()));
    return ids;
  }

  JsonNode grants(String form) {
    ApiClient.Response r = admin.get(OA + form + "/permissions");
    assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
    return r.body().get("grants");
  }

  /** A one-form package (key {@code grantnotes}) with {@code permissions} as its grants. */
  static Map<String, String> notes(String permissions) {
    Map<String, String> files = TemplateApiIntegrationTests.notes("1.0.0", "text");
    files.put("template.json", files.get("template.json").replace("\"key\":\"notes\"", "\"key\":\"grantnotes\"")
        .replace("\"category\"", "\"permissions\":" + permissions.replace('\'', '"') + ",\"category\""));
    return files;
  }

  /** The built-in OA package as files, at {@code version}. */
  static Map<String, String> oaFiles(String version) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    ObjectNode manifest = (ObjectNode) Json.MAPPER.readTree(read("template.json"));
    manifest.put("version", version);
    files.put("template.json", manifest.toString());
    for (String kind : new String[] {"forms", "flows", "views", "data"}) {
      manifest.get(kind).forEach(f -> files.put(kind + "/" + f.asString() + ".json", read(kind + "/" + f.asString() + ".json")));
    }
    manifest.get("rules").forEach(r -> files.put("rules/" + r.get("file").asString(), read("rules/" + r.get("file").asString())));
    files.put("i18n/zh-CN.json", read("i18n/zh-CN.json"));
    return files;
  }

  static String read(String path) {
    try (InputStream in = TemplateGrantsIntegrationTests.class.getClassLoader().getResourceAsStream("templates/oa/" + path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
