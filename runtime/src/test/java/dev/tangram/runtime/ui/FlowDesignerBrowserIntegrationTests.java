package dev.tangram.runtime.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tangram.engine.flows.Flows;
import dev.tangram.engine.records.RecordService;
import dev.tangram.runtime.api.ApiClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The flow designer's checks and the submitter's side of a flow in a real browser: a branch
 * condition checked as it is typed, publish problems listed with their step marked, BPMN imported
 * (a hostile one refused); approvers chosen at submit, a record returned, sent again, rejected and
 * withdrawn from the record page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FlowDesignerBrowserIntegrationTests {

  private static final String BPMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:flowable="http://flowable.org/bpmn" targetNamespace="t">
        <process id="uploaded" isExecutable="true">
          <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="hr"/>
          <userTask id="hr" name="HR" flowable:assignee="lars"/>
          <sequenceFlow id="f2" sourceRef="hr" targetRef="end"/><endEvent id="end"/>
        </process>
      </definitions>
      """;

  @LocalServerPort
  int port;

  @Autowired
  Flows flows;

  @Autowired
  RecordService records;

  @Test
  void conditionsAreCheckedAsTypedProblemsMarkTheirStepAndBpmnIsImported() throws IOException {
    ApiClient admin = new ApiClient(port).login("admin", "test-admin-pw");
    admin.send("POST", "/api/v1/users", "{'username':'lars','displayName':'Lars Wong','password':'password-of-lars'}");
    admin.send("POST", "/api/v1/apps", "{'key':'people','name':'People'}");
    admin.send("POST", "/api/v1/apps/people/forms", "{'key':'leave','name':'Leave','fields':[{'key':'days','type':'number','label':'Days'},"
        + "{'key':'reason','type':'text','label':'Reason'}]}");
    admin.send("POST", "/api/v1/apps/people/forms/leave/publish", null);
    try (Browser browser = Browser.open("http://127.0.0.1:" + port, "flow-designer-checks")) {
      browser.logIn("admin", "test-admin-pw");
      browser.go("/apps/people/flow/leave");
      browser.click("#add-root-0");
      browser.click("vaadin-context-menu-item#add-item-branch");
      browser.type("#cond-when", "days >");
      browser.waitFor("syntax problem shown", () -> "true".equals(browser.property("#cond-when", "invalid"))
          && browser.property("#cond-when", "errorMessage").startsWith("Line 1"));
      browser.screenshot("condition-syntax");
      browser.type("#cond-when", "days > 3");
      browser.waitFor("condition accepted", () -> !"true".equals(browser.property("#cond-when", "invalid")));
      browser.waitFor("condition on the canvas", () -> browser.text("#condition-branch1-0").contains("days > 3"));
      browser.click("#add-branch1-0-0");
      browser.click("vaadin-context-menu-item#add-item-approve");
      browser.type("#node-name", "HR");
      browser.click("#flow-publish");
      browser.waitFor("problem listed", () -> browser.find("#flow-problems").isDisplayed());
      assertThat(browser.find("#node-approve1").getAttribute("class")).contains("invalid");
      assertThat(browser.text("#flow-problems")).startsWith("1 problem").contains("HR:");
      browser.screenshot("problem-marked");

      browser.click("#node-approve1");
      browser.type("#node-users", "lars");
      browser.waitFor("lars offered", () -> shown(browser, "vaadin-multi-select-combo-box-item", "lars") != null);
      shown(browser, "vaadin-multi-select-combo-box-item", "lars").click();
      browser.find("#node-users input").sendKeys(Keys.ESCAPE);
      browser.click("#flow-publish");
      browser.waitFor("published", () -> browser.text("#flow-version").contains("version 1"));
      browser.screenshot("branch-published");
      browser.resize(390, 844);
      browser.screenshot("designer-phone");
      browser.resize(1280, 860);

      upload(browser, BPMN.replace("<userTask id=\"hr\" name=\"HR\" flowable:assignee=\"lars\"/>",
          "<scriptTask id=\"hr\" scriptFormat=\"javascript\"><script>1</script></scriptTask>"));
      browser.waitFor("hostile BPMN refused", () -> browser.find("#flow-problems").isDisplayed());
      assertThat(browser.text("#flow-version")).contains("version 1");
      browser.screenshot("bpmn-refused");
      upload(browser, BPMN);
      browser.waitFor("BPMN imported", () -> browser.text("#flow-version").contains("version 2"));
      browser.find("#flow-bpmn-note");
      assertThat(browser.find("#flow-export").getAttribute("href")).isNotBlank();
      browser.screenshot("bpmn-imported");
    }
    assertThat(flows.definitions().get("people", "leave").format()).isEqualTo("bpmn");
  }

  @Test
  void theSubmitterChoosesApproversAndSendsAReturnedRecordAgain() {
    ApiClient admin = new ApiClient(port).login("admin", "test-admin-pw");
    admin.send("POST", "/api/v1/users", "{'username':'ada','displayName':'Ada Roth','password':'password-of-ada'}");
    admin.send("POST", "/api/v1/users", "{'username':'ben','displayName':'Ben Stone','password':'password-of-ben'}");
    admin.send("POST", "/api/v1/apps", "{'key':'buy','name':'Purchasing'}");
    admin.send("POST", "/api/v1/apps/buy/forms", "{'key':'req','name':'Purchase request','fields':[{'key':'item','type':'text','label':'Item','required':true}]}");
    admin.send("POST", "/api/v1/apps/buy/forms/req/publish", null);
    admin.send("PUT", "/api/v1/apps/buy/access", "{'admins':['user:admin'],'members':['everyone']}");
    admin.send("PUT", "/api/v1/apps/buy/forms/req/permissions", "{'grants':[{'to':'everyone','operations':['SUBMIT','VIEW'],'scope':'OWN'}]}");
    assertThat(admin.send("PUT", "/api/v1/apps/buy/forms/req/flow", "{'withdraw':'anyNode','nodes':[{'id':'chief','type':'approve','name':'Chief',"
        + "'assignee':{'kind':'initiatorChoice'}}]}").status()).isEqualTo(200);
    String base = "http://127.0.0.1:" + port;
    String recordId;
    try (Browser browser = Browser.open(base, "flow-submitter")) {
      browser.logIn("ada", "password-of-ada");
      browser.go("/apps/buy/forms/req/new");
      browser.type("#field-item", "Laptop");
      browser.click("#submit");
      browser.find("#approver-chooser");
      browser.click("#choose-ok");
      browser.waitFor("an approver is required", () -> "true".equals(browser.property("#choose-chief", "invalid")));
      browser.type("#choose-chief", "ben");
      browser.waitFor("ben offered", () -> shown(browser, "vaadin-multi-select-combo-box-item", "ben") != null);
      shown(browser, "vaadin-multi-select-combo-box-item", "ben").click();
      browser.find("#choose-chief input").sendKeys(Keys.ESCAPE);
      browser.screenshot("approver-chosen");
      browser.click("#choose-ok");
      browser.waitFor("record page", () -> browser.driver().getCurrentUrl().contains("/records/"));
      String url = browser.driver().getCurrentUrl();
      recordId = url.substring(url.lastIndexOf('/') + 1);
    }
    try (Browser browser = Browser.open(base, "flow-return")) {
      browser.logIn("ben", "password-of-ben");
      browser.waitFor("task arrived", () -> {
        browser.go("/tasks");
        return browser.text("#inbox-grid").contains("Purchase request");
      });
      browser.findAll("vaadin-grid-cell-content").stream().filter(c -> c.getText().contains("Purchase request")).findFirst().orElseThrow().click();
      browser.waitFor("task page", () -> browser.driver().getCurrentUrl().contains("/tasks/"));
      browser.click("#action-return");
      browser.type("#action-comment", "Which model?");
      browser.screenshot("return-dialog");
      browser.click("#action-ok");
      browser.waitFor("back in the inbox", () -> browser.driver().getCurrentUrl().endsWith("/tasks"));
    }
    try (Browser browser = Browser.open(base, "flow-resubmit")) {
      browser.logIn("ada", "password-of-ada");
      browser.waitFor("returned as a draft", () -> {
        browser.go("/apps/buy/forms/req/records/" + recordId);
        return browser.text("#record-meta").contains("draft");
      });
      assertThat(browser.text("#flow-timeline")).contains("Returned", "Which model?", "Ben Stone");
      browser.screenshot("returned");
      browser.click("#submit-approval");
      browser.type("#choose-chief", "ben");
      browser.waitFor("ben offered", () -> shown(browser, "vaadin-multi-select-combo-box-item", "ben") != null);
      shown(browser, "vaadin-multi-select-combo-box-item", "ben").click();
      browser.find("#choose-chief input").sendKeys(Keys.ESCAPE);
      browser.click("#choose-ok");
      browser.waitFor("in approval again", () -> {
        browser.go("/apps/buy/forms/req/records/" + recordId);
        return browser.text("#record-meta").contains("in approval") && !browser.findAll("#flow-waiting").isEmpty();
      });
      assertThat(browser.text("#flow-waiting")).contains("Chief");
      browser.screenshot("sent-again");
      browser.click("#withdraw");
      browser.type("#withdraw-comment", "Bought it myself");
      browser.click("#withdraw-ok");
      browser.waitFor("withdrawn", () -> {
        browser.go("/apps/buy/forms/req/records/" + recordId);
        return browser.text("#record-meta").contains("withdrawn");
      });
      assertThat(browser.text("#flow-timeline")).contains("Withdrew", "Bought it myself");
      browser.find("#submit-approval");
      browser.screenshot("withdrawn");
    }
    assertThat(records.getUnconstrained("buy", "req", recordId).status()).isEqualTo("withdrawn");
  }

  private static void upload(Browser browser, String xml) throws IOException {
    Path file = Files.createTempFile("flow-", ".bpmn");
    Files.writeString(file, xml);
    browser.upload("#flow-import", file);
  }

  private static WebElement shown(Browser browser, String tag, String text) {
    List<WebElement> found = browser.findAll(tag).stream().filter(e -> e.isDisplayed() && e.getText().contains(text)).toList();
    return found.isEmpty() ? null : found.getFirst();
  }
}
