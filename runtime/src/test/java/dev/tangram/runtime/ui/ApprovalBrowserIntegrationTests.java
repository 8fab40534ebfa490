package dev.tangram.runtime.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tangram.engine.flows.Flows;
import dev.tangram.engine.records.RecordService;
import dev.tangram.runtime.api.ApiClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Approvals end to end in a real browser: an app admin designs a two-step flow in the flow
 * designer (a named user, then a role; field permissions edit and hidden at step 1) and publishes
 * it; one user submits a record in Chinese; a second approves step 1 from the inbox and the task
 * page (changing the field the node lets them edit, never seeing the hidden one), a third approves
 * step 2; the submitter sees the record approved with its timeline.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApprovalBrowserIntegrationTests {

  @LocalServerPort
  int port;

  @Autowired
  Flows flows;

  @Autowired
  RecordService records;

  @Test
  void designATwoStepFlowSubmitAndApproveThroughTheInbox() {
    setUp();
    try (Browser browser = Browser.open(base(), "approval-design")) {
      browser.logIn("admin", "test-admin-pw");
      browser.go("/apps/travel");
      browser.click("#flow-trip");
      browser.waitFor("flow designer", () -> browser.driver().getCurrentUrl().endsWith("/apps/travel/flow/trip"));
      browser.find("#flow-canvas");
      browser.screenshot("empty-flow");

      browser.click("#flow-publish");
      browser.waitFor("an empty flow is refused", () -> browser.text("#flow-problems").contains("at least one node"));
      browser.screenshot("empty-flow-refused");

      addStep(browser, "add-root-0", "approve");
      browser.type("#node-name", "Manager");
      pickUsers(browser, "#node-users", "mikko");
      browser.screenshot("approver-picked");
      browser.click("#perm-remark vaadin-radio-button:nth-of-type(1)");
      browser.click("#perm-internal vaadin-radio-button:nth-of-type(3)");
      browser.waitFor("card named", () -> content(browser, "#node-approve1").contains("Manager"));
      addStep(browser, "add-root-1", "approve");
      browser.type("#node-name", "Finance");
      pick(browser, "#node-kind", "Role");
      pick(browser, "#node-role", "finance");
      browser.waitFor("card shows the role", () -> content(browser, "#node-approve2").contains("finance"));
      browser.screenshot("two-steps-designed");

      browser.click("#flow-publish");
      browser.waitFor("published", () -> browser.text("#flow-version").contains("version 1"));
      browser.waitFor("the deployed flow drawn", () -> browser.find("#flow-diagram-image").getAttribute("src").startsWith("data:image/svg+xml;base64,"));
      browser.screenshot("published");
    }
    assertThat(flows.definitions().get("travel", "trip").source()).contains("\"remark\" : \"edit\"", "\"internal\" : \"hidden\"", "finance");

    String recordId;
    try (Browser browser = Browser.open(base(), "approval-submit")) {
      browser.logIn("ulla", "password-of-ulla");
      browser.click("#language-switch");
      browser.click("vaadin-select-item:nth-of-type(1)");
      browser.waitFor("labels in Chinese", () -> browser.bodyText().contains("全部应用"));
      browser.go("/apps/travel/forms/trip/new");
      browser.type("#field-dest", "Oslo");
      browser.type("#field-cost", "900");
      browser.type("#field-internal", "budget line 7");
      browser.screenshot("filled-zh");
      assertThat(browser.text("#submit")).isEqualTo("提交审批");
      browser.click("#submit");
      browser.waitFor("record page", () -> browser.driver().getCurrentUrl().contains("/records/"));
      String url = browser.driver().getCurrentUrl();
      recordId = url.substring(url.lastIndexOf('/') + 1);
      browser.waitFor("timeline shows the submit", () -> {
        browser.go("/apps/travel/forms/trip/records/" + recordId);
        return browser.findAll("#flow-timeline .timeline-submitted").size() == 1;
      });
      assertThat(browser.text("#record-meta")).contains("审批中");
      browser.screenshot("submitted-zh");
    }
    assertThat(records.getUnconstrained("travel", "trip", recordId).status()).isEqualTo("in_approval");

    String taskUrl;
    try (Browser browser = Browser.open(base(), "approval-step1")) {
      browser.logIn("mikko", "password-of-mikko");
      browser.waitFor("one open task on the badge", () -> "1".equals(browser.text("#task-count")));
      browser.click("#task-badge");
      browser.waitFor("inbox", () -> browser.driver().getCurrentUrl().endsWith("/tasks"));
      assertThat(browser.text("#count-todo")).isEqualTo("1");
      browser.waitFor("task listed", () -> browser.text("#inbox-grid").contains("Business trip"));
      browser.screenshot("inbox");
      browser.resize(390, 844);
      browser.screenshot("inbox-phone");
      browser.resize(1280, 860);
      openFirstRow(browser);
      browser.waitFor("task page", () -> browser.driver().getCurrentUrl().contains("/tasks/"));
      taskUrl = browser.driver().getCurrentUrl();
      browser.find("#task-form");
      assertThat(browser.findAll("#field-internal")).as("hidden field not rendered").isEmpty();
      assertThat(browser.driver().getPageSource()).as("hidden value never sent").doesNotContain("budget line 7");
      assertThat(browser.property("#field-dest", "readonly")).isEqualTo("true");
      browser.type("#field-remark", "checked by Mikko");
      browser.screenshot("task-page");
      browser.click("#action-approve");
      browser.type("#action-comment", "Fine, go ahead");
      browser.screenshot("approve-dialog");
      browser.click("#action-ok");
      browser.waitFor("back in the inbox", () -> browser.driver().getCurrentUrl().endsWith("/tasks"));
      browser.waitFor("no open task left", () -> !browser.find("#task-count").isDisplayed());
      browser.screenshot("approved-step1");

      browser.driver().get(taskUrl);
      browser.waitForVaadin();
      browser.waitFor("the decided task explains itself", () -> browser.text("#task-problem").contains("already been decided"));
      browser.screenshot("task-already-decided");
    }
    assertThat(records.getUnconstrained("travel", "trip", recordId).data().get("remark").asString()).isEqualTo("checked by Mikko");

    try (Browser browser = Browser.open(base(), "approval-step2")) {
      browser.logIn("greta", "password-of-greta");
      browser.click("#task-badge");
      browser.waitFor("task listed", () -> browser.text("#inbox-grid").contains("Business trip"));
      openFirstRow(browser);
      browser.waitFor("task page", () -> browser.driver().getCurrentUrl().contains("/tasks/"));
      browser.waitFor("step 1 on the timeline", () -> browser.text("#flow-timeline").contains("Fine, go ahead"));
      assertThat(browser.property("#field-remark", "readonly")).as("read at step 2").isEqualTo("true");
      browser.screenshot("task-page-step2");
      browser.click("#action-approve");
      browser.click("#action-ok");
      browser.waitFor("back in the inbox", () -> browser.driver().getCurrentUrl().endsWith("/tasks"));
      browser.screenshot("approved-step2");
    }

    try (Browser browser = Browser.open(base(), "approval-result")) {
      browser.logIn("ulla", "password-of-ulla");
      browser.click("#language-switch");
      browser.click("vaadin-select-item:nth-of-type(1)");
      browser.waitFor("labels in Chinese", () -> browser.bodyText().contains("全部应用"));
      browser.waitFor("record approved", () -> {
        browser.go("/apps/travel/forms/trip/records/" + recordId);
        return browser.text("#record-meta").contains("已通过");
      });
      browser.waitFor("whole timeline", () -> browser.findAll("#flow-timeline .timeline-step").size() == 4);
      assertThat(browser.text("#flow-timeline")).contains("提交", "同意", "Mikko Lund", "Greta Holm", "流程结束", "已通过");
      browser.screenshot("record-approved-zh");
      browser.go("/tasks?list=started");
      browser.waitFor("started list", () -> browser.text("#inbox-grid").contains("已通过"));
      browser.screenshot("started-by-me-zh");
    }
    assertThat(records.getUnconstrained("travel", "trip", recordId).status()).isEqualTo("approved");
  }

  private static void openFirstRow(Browser browser) {
    WebElement cell = browser.findAll("vaadin-grid-cell-content").stream().filter(c -> c.getText().contains("Business trip")).findFirst()
        .orElseThrow();
    cell.click();
    browser.waitForVaadin();
  }

  private void setUp() {
    ApiClient admin = new ApiClient(port).login("admin", "test-admin-pw");
    admin.send("POST", "/api/v1/roles", "{'key':'finance','name':'Finance'}");
    admin.send("POST", "/api/v1/users", "{'username':'ulla','displayName':'Ulla Berg','password':'password-of-ulla'}");
    admin.send("POST", "/api/v1/users", "{'username':'mikko','displayName':'Mikko Lund','password':'password-of-mikko'}");
    admin.send("POST", "/api/v1/users", "{'username':'greta','displayName':'Greta Holm','password':'password-of-greta','roles':['finance']}");
    admin.send("POST", "/api/v1/apps", "{'key':'travel','name':'Travel'}");
    admin.send("POST", "/api/v1/apps/travel/forms", "{'key':'trip','name':'Business trip','fields':[{'key':'dest','type':'text','label':'Destination','required':true},"
        + "{'key':'cost','type':'money','label':'Cost'},{'key':'remark','type':'text','label':'Remark'},"
        + "{'key':'internal','type':'text','label':'Internal note'}]}");
    admin.send("POST", "/api/v1/apps/travel/forms/trip/publish", null);
    admin.send("PUT", "/api/v1/apps/travel/access", "{'admins':['user:admin'],'members':['everyone']}");
    admin.send("PUT", "/api/v1/apps/travel/forms/trip/permissions", "{'grants':[{'to':'everyone','operations':['SUBMIT','VIEW'],'scope':'OWN'}]}");
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  private static void addStep(Browser browser, String plus, String type) {
    browser.click("#" + plus);
    browser.click("vaadin-context-menu-item#add-item-" + type);
    browser.waitFor("panel of the new step", () -> !browser.findAll("#node-name").isEmpty());
  }

  /** Opens a vaadin-select and clicks the item whose text contains {@code text}. */
  private static void pick(Browser browser, String select, String text) {
    browser.click(select);
    browser.waitFor("items of " + select, () -> items(browser, "vaadin-select-item", text) != null);
    items(browser, "vaadin-select-item", text).click();
    browser.waitForVaadin();
  }

  private static void pickUsers(Browser browser, String combo, String text) {
    browser.type(combo, text);
    browser.waitFor("users offered", () -> items(browser, "vaadin-multi-select-combo-box-item", text) != null);
    items(browser, "vaadin-multi-select-combo-box-item", text).click();
    browser.waitForVaadin();
    browser.find(combo + " input").sendKeys(Keys.ESCAPE);
    browser.waitFor("user list closed", () -> browser.findAll("vaadin-multi-select-combo-box-item").stream().noneMatch(WebElement::isDisplayed));
  }

  /** The text of an element whether or not it is scrolled into view. */
  private static String content(Browser browser, String css) {
    Object text = browser.script("const e = document.querySelector(arguments[0]); return e == null ? '' : e.textContent;", css);
    return String.valueOf(text);
  }

  private static WebElement items(Browser browser, String tag, String text) {
    List<WebElement> found = browser.findAll(tag).stream().filter(e -> e.isDisplayed() && e.getText().contains(text)).toList();
    return found.isEmpty() ? null : found.getFirst();
  }
}
