package dev.tangram.runtime.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tangram.engine.access.AccessSettings;
import dev.tangram.engine.access.Actor;
import dev.tangram.engine.access.FieldAccess;
import dev.tangram.engine.access.Grant;
import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.engine.access.Operation;
import dev.tangram.engine.access.RowScope;
import dev.tangram.engine.apps.AppService;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.forms.FormDefinitionWriter;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.records.RecordService;
import dev.tangram.engine.templates.TemplateService;
import dev.tangram.engine.webhooks.LocalReceiver;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.node.ObjectNode;

/**
 * The admin screens in a real browser: a role and a user (with refused input shown at its field),
 * a form permission, an API token that then works on the API, a webhook whose delivery log shows
 * the delivery of a record written afterwards, a template package added, installed with a
 * parameter and its app tile on the launcher; a user who is no admin gets none of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tangram.webhooks.allowed-hosts=127.0.0.1")
@ActiveProfiles("test")
class AdminBrowserIntegrationTests {

  @LocalServerPort
  int port;
  @Autowired
  AppService apps;
  @Autowired
  FormService forms;
  @Autowired
  RecordService records;
  @Autowired
  AccessSettings access;
  @Autowired
  OrgDirectory directory;
  @Autowired
  TemplateService templates;

  @Test
  void anAdminRunsThePlatformWithoutCurl() throws Exception {
    apps.create("sales", "Sales", null, "admin");
    forms.create("sales", Json.MAPPER.readTree("{\"key\":\"lead\",\"name\":\"Lead\",\"fields\":["
        + "{\"key\":\"name\",\"type\":\"text\",\"label\":\"Company\",\"required\":true},"
        + "{\"key\":\"value\",\"type\":\"money\",\"label\":\"Value\"}]}"), "admin");
    forms.publish("sales", "lead", "admin");
    try (Browser browser = Browser.open("http://127.0.0.1:" + port, "admin"); LocalReceiver receiver = new LocalReceiver()) {
      browser.logIn("admin", "test-admin-pw");
      browser.find("#nav-users");
      browser.screenshot("navigation");

      createRole(browser);
      createDepartments(browser);
      createUser(browser);
      importUsers(browser);
      grantFormPermission(browser);
      createToken(browser);
      webhookWithDeliveryLog(browser, receiver);
      triggerWithRecentCalls(browser);
      installTemplate(browser);
      upgradeWithAConflictThenUninstall(browser);

      browser.go("/admin/audit");
      browser.waitFor("audit lists the changes", () -> browser.text("#audit").contains("user.created"));
      browser.type("#audit-target", "role:");
      browser.waitFor("filtered", () -> !browser.text("#audit").contains("user.created"));
      assertThat(browser.text("#audit")).contains("role.created");
      browser.screenshot("audit-filtered");

      browser.go("/admin/users");
      browser.find("#users");
      browser.resize(390, 844);
      browser.screenshot("users-phone");
      browser.go("/admin/marketplace");
      browser.find("#template-shop");
      browser.screenshot("marketplace-phone");
      browser.resize(1280, 860);

      browser.click("#language-switch");
      browser.click("vaadin-select-item:nth-of-type(1)");
      browser.go("/admin/users");
      browser.waitFor("labels in Chinese", () -> browser.bodyText().contains("新建用户"));
      browser.screenshot("users-zh");
      browser.click("#language-switch");
      browser.click("vaadin-select-item:nth-of-type(2)");

      nonAdminGetsNothing(browser);
    }
  }

  private void createRole(Browser browser) {
    browser.go("/admin/roles");
    browser.click("#new-role");
    browser.type("#role-key", "1-bad");
    browser.type("#role-name", "Sales rep");
    browser.click("#role-save");
    browser.waitFor("key refused at its field", () -> browser.find("#role-key").getAttribute("invalid") != null);
    assertThat(directory.roles()).isEmpty();
    browser.screenshot("role-refused");
    browser.type("#role-key", "sales_rep");
    browser.click("#role-save");
    browser.waitFor("role listed", () -> browser.text("#roles").contains("sales_rep"));
    browser.screenshot("roles");
  }

  private void createDepartments(Browser browser) {
    browser.go("/admin/departments");
    for (String[] d : new String[][] {{"hq", "Head office", null}, {"east", "East sales", "Head office"}}) {
      browser.click("#new-department");
      browser.type("#department-id", d[0]);
      browser.type("#department-name", d[1]);
      if (d[2] != null) {
        pick(browser, "#department-parent", d[2]);
      }
      browser.click("#department-save");
      browser.waitFor("department listed", () -> browser.text("#departments").contains(d[1]));
    }
    assertThat(directory.findDepartment("east").orElseThrow().parent()).isEqualTo("hq");
    browser.screenshot("departments");
  }

  private void createUser(Browser browser) {
    browser.go("/admin/users");
    browser.click("#new-user");
    browser.type("#user-username", "alice");
    browser.type("#user-display-name", "Alice Wang");
    browser.type("#user-email", "not-an-email");
    browser.type("#user-password", "alice-password-1");
    pick(browser, "#user-roles", "Sales rep");
    pick(browser, "#user-departments", "East sales");
    browser.click("#user-save");
    browser.waitFor("email refused at its field", () -> browser.find("#user-email").getAttribute("invalid") != null);
    assertThat(directory.findUser("alice")).isEmpty();
    browser.screenshot("user-refused");
    browser.type("#user-email", "alice@example.com");
    browser.click("#user-save");
    browser.waitFor("user listed", () -> browser.text("#users").contains("Alice Wang"));
    assertThat(directory.getUser("alice").roles()).containsExactly("sales_rep");
    browser.screenshot("users");
  }

  private void importUsers(Browser browser) throws IOException {
    browser.go("/admin/users");
    browser.click("#import-users");
    Path bad = Files.writeString(Files.createTempFile("users-", ".csv"), "username,displayName,email,phone,departments,roles,password\n"
        + "bob,Bob Li,bob@example.com,,east,sales_rep,bob-password-1\ncarol,Carol Xu,not-an-email,,nowhere,,short\n");
    browser.upload("#user-import-upload", bad);
    browser.waitFor("per-row report", () -> browser.text("#user-import-report").contains("row 3"));
    assertThat(browser.text("#user-import-status")).contains("Nothing imported");
    assertThat(directory.findUser("bob")).isEmpty();
    browser.screenshot("user-import-report");
    Path good = Files.writeString(Files.createTempFile("users-", ".csv"), "username,displayName,email,phone,departments,roles,password\n"
        + "bob,Bob Li,bob@example.com,,east,sales_rep,bob-password-1\n");
    browser.upload("#user-import-upload", good);
    browser.waitFor("imported", () -> browser.text("#user-import-status").contains("1 users imported"));
    assertThat(directory.getUser("bob").departments()).containsExactly("east");
    browser.screenshot("user-import-done");
  }

  private void grantFormPermission(Browser browser) {
    browser.go("/apps/sales/admin/access");
    pick(browser, "#access-form", "Lead");
    browser.click("#add-grant");
    pick(browser, "#grant-to", "Role: Sales rep");
    browser.click("#grant-operations vaadin-checkbox:nth-of-type(1)"); // submit
    browser.click("#grant-operations vaadin-checkbox:nth-of-type(2)"); // view
    choose(browser, "#grant-scope", "all records");
    choose(browser, "#grant-field-value", "read only");
    browser.screenshot("grant-dialog");
    browser.click("#grant-save");
    browser.waitFor("grant listed", () -> browser.text("#grants").contains("Role: Sales rep"));
    assertThat(access.grants("sales", "lead")).contains(new Grant("role:sales_rep", Set.of(Operation.SUBMIT, Operation.VIEW),
        RowScope.ALL, java.util.Map.of("value", FieldAccess.READ)));
    browser.screenshot("permissions");
  }

  private void createToken(Browser browser) throws Exception {
    browser.go("/admin/tokens");
    browser.click("#new-token");
    browser.type("#token-name", "nightly export");
    browser.click("#token-save");
    String secret = browser.property("#token-secret", "value");
    assertThat(secret).startsWith("tgm_");
    browser.screenshot("token-shown-once");
    browser.click("#secret-close");
    assertThat(browser.text("#tokens")).contains("nightly export").doesNotContain(secret);
    HttpResponse<String> read = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/apps"))
        .header("Authorization", "Bearer " + secret).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).contains("sales");
    browser.screenshot("tokens");
  }

  private void webhookWithDeliveryLog(Browser browser, LocalReceiver receiver) {
    browser.go("/apps/sales/admin/webhooks");
    browser.click("#new-webhook");
    browser.type("#webhook-url", "http://169.254.169.254/latest/meta-data");
    browser.click("#webhook-save");
    browser.waitFor("metadata address refused at the URL", () -> browser.find("#webhook-url").getAttribute("invalid") != null);
    browser.screenshot("webhook-refused");
    browser.type("#webhook-url", receiver.url("/crm"));
    pick(browser, "#webhook-form", "Lead");
    browser.click("#webhook-save");
    assertThat(browser.property("#webhook-secret", "value")).startsWith("whsec_");
    browser.click("#secret-close");

    records.submit("sales", "lead", Json.MAPPER.readTree("{\"data\":{\"name\":\"ACME\",\"value\":1200}}"), Actor.user("admin", Set.of("ADMIN"), List.of()));
    browser.waitFor("received", () -> receiver.at("/crm").size() == 1);
    browser.find("#webhooks vaadin-grid-cell-content");
    clickCell(browser, "#webhooks", receiver.url("/crm"));
    browser.find("#delivery-log");
    browser.waitFor("delivered in the log", () -> {
      browser.click("#deliveries-refresh");
      return browser.text("#deliveries").contains("delivered");
    });
    clickCell(browser, "#deliveries", "record.created");
    browser.waitFor("attempt shown", () -> browser.text("#deliveries").contains("200"));
    browser.screenshot("webhook-delivery-log");
    assertThat(receiver.at("/crm").getFirst().body()).contains("ACME");
  }

  private void triggerWithRecentCalls(Browser browser) throws Exception {
    browser.go("/apps/sales/admin/triggers");
    browser.click("#new-trigger");
    browser.type("#trigger-name", "website");
    pick(browser, "#trigger-form", "Lead");
    browser.type("#trigger-mapping", "{\"fields\": {\"name\": ");
    browser.click("#trigger-save");
    browser.waitFor("bad JSON refused at the mapping", () -> browser.find("#trigger-mapping").getAttribute("invalid") != null);
    browser.type("#trigger-mapping", "{\"fields\": {\"name\": \"$.company\", \"value\": \"$.budget\"}}");
    browser.click("#trigger-save");
    String url = browser.property("#trigger-url", "value");
    String bearer = browser.property("#trigger-bearer", "value");
    assertThat(url).startsWith("http://127.0.0.1:" + port + "/hooks/");
    browser.screenshot("trigger-created");
    browser.click("#secret-close");
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"company\":\"Globex\",\"budget\":5000}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).isEqualTo(201);
    HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer thk_wrong")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(401);
    browser.go("/apps/sales/admin/triggers");
    clickCell(browser, "#triggers", "website");
    browser.waitFor("recent calls", () -> browser.text("#trigger-calls").contains("201") && browser.text("#trigger-calls").contains("401"));
    browser.screenshot("trigger-recent-calls");
  }

  private void installTemplate(Browser browser) throws IOException {
    Path zip = zip(Path.of("../engine/src/test/resources/dev/tangram/engine/templates/market/shop-1.0.0"));
    browser.go("/admin/marketplace");
    browser.find("#catalog");
    browser.upload("#package-upload", zip);
    browser.waitFor("package in the catalog", () -> browser.findAll("#template-shop").size() == 1);
    browser.screenshot("catalog");
    browser.click("#install-shop");
    browser.type("#param-approvalLimit", "8000");
    browser.screenshot("install-parameters");
    browser.click("#install-run");
    browser.waitFor("install summary", () -> browser.text("#install-result").contains("Installed app shop"));
    browser.screenshot("install-result");
    assertThat(String.valueOf(templates.parameters("shop").get("approvalLimit"))).startsWith("8000");
    browser.go("/");
    assertThat(browser.text("#tile-shop")).contains("Shop");
    browser.screenshot("launcher-with-installed-app");
  }

  private void upgradeWithAConflictThenUninstall(Browser browser) throws IOException {
    ObjectNode product = FormDefinitionWriter.write(forms.getDraft("shop", "product"));
    ((ObjectNode) product.get("fields").get(2)).put("label", "Price (CNY)"); // the customer's change; 1.1.0 says "Unit price"
    forms.saveDraft("shop", "product", product, "admin");
    forms.publish("shop", "product", "admin");
    browser.go("/admin/marketplace");
    browser.upload("#package-upload", zip(Path.of("../engine/src/test/resources/dev/tangram/engine/templates/market/shop-1.1.0")));
    browser.click("#upgrade-shop");
    browser.waitFor("dry run lists the conflict", () -> browser.text("#change-status").contains("Conflicts to decide"));
    assertThat(browser.text("#change-plan")).contains("forms/product.json.fields.price.label", "Price (CNY)", "Unit price");
    assertThat(forms.formKeys("shop")).doesNotContain("review");
    browser.findAll("vaadin-radio-button").stream().filter(r -> r.getText().contains("keep mine")).findFirst().orElseThrow().click();
    browser.waitForVaadin();
    browser.screenshot("upgrade-conflict");
    browser.click("#change-apply");
    browser.waitFor("upgraded", () -> browser.text("#change-status").contains("Done: 1.0.0 → 1.1.0"));
    assertThat(forms.getDraft("shop", "product").findField("price").orElseThrow().label()).isEqualTo("Price (CNY)");
    assertThat(forms.formKeys("shop")).contains("review");
    browser.screenshot("upgraded");
    browser.click("#change-close");

    browser.click("#uninstall-shop");
    browser.waitFor("dry run", () -> browser.text("#uninstall-plan").contains("records"));
    browser.screenshot("uninstall-dry-run");
    browser.click("#uninstall-run");
    browser.waitFor("uninstalled", () -> browser.findAll("#installed-shop").isEmpty());
    assertThat(apps.find("shop")).isEmpty();
    assertThat(records.countAll("shop", "product")).as("data kept").isPositive();
    browser.go("/");
    assertThat(browser.findAll("#tile-shop")).isEmpty();
  }

  private void nonAdminGetsNothing(Browser browser) {
    browser.click("#logout");
    browser.logIn("alice", "alice-password-1");
    assertThat(browser.findAll("#nav-users")).isEmpty();
    browser.go("/admin/users");
    assertThat(browser.findAll("#new-user")).isEmpty();
    assertThat(browser.bodyText()).doesNotContain("Alice Wang");
    browser.screenshot("non-admin-users-refused");
    browser.go("/apps/sales/admin/webhooks");
    browser.find("#not-allowed");
    assertThat(browser.findAll("#new-webhook")).isEmpty();
    browser.screenshot("non-admin-webhooks-refused");
  }

  /** Types {@code label} into a combo box to filter it and takes the first (only) match with the keyboard. */
  private static void pick(Browser browser, String css, String label) {
    WebElement input = browser.find(css + " input");
    browser.script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus();", input);
    input.sendKeys(label);
    browser.waitFor("item " + label, () -> browser.findAll("vaadin-combo-box-item, vaadin-multi-select-combo-box-item").stream()
        .anyMatch(i -> i.isDisplayed() && i.getText().contains(label)));
    input.sendKeys(Keys.ARROW_DOWN);
    input.sendKeys(Keys.ENTER);
    browser.waitForVaadin();
    // A multi-select stays open after a pick; a single one closes (and Escape would clear it, or close the dialog)
    if (browser.find(css).getTagName().equals("vaadin-multi-select-combo-box") && browser.find(css).getAttribute("opened") != null) {
      input.sendKeys(Keys.ESCAPE);
      browser.waitForVaadin();
    }
  }

  /** Opens a select and clicks its item with {@code label}. */
  private static void choose(Browser browser, String css, String label) {
    browser.click(css);
    browser.waitFor("item " + label, () -> browser.findAll("vaadin-select-item").stream().anyMatch(i -> i.isDisplayed() && i.getText().contains(label)));
    browser.findAll("vaadin-select-item").stream().filter(i -> i.isDisplayed() && i.getText().contains(label)).findFirst().orElseThrow().click();
    browser.waitForVaadin();
  }

  /** Clicks the grid cell showing {@code text}. */
  private static void clickCell(Browser browser, String grid, String text) {
    browser.waitFor("cell " + text, () -> browser.findAll(grid + " vaadin-grid-cell-content").stream().anyMatch(c -> c.getText().contains(text)));
    browser.findAll(grid + " vaadin-grid-cell-content").stream().filter(c -> c.getText().contains(text)).findFirst().orElseThrow().click();
    browser.waitForVaadin();
  }

  private static Path zip(Path folder) throws IOException {
    Path zip = Files.createTempFile("shop-", ".zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip)); var files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
    return zip;
  }
}
