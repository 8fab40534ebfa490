package dev.tangram.runtime.api.templates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tangram.runtime.api.ApiClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The OA approvals story on a freshly installed OA template, through the public API only: leave
 * within and beyond three days (GM), HR copied, the balance check; expense claims below and above
 * the GM threshold, rejected, returned and resubmitted, withdrawn; nobody approves their own
 * claim; an approved claim posts exactly one ledger voucher; bad input refused at its field.
 *
 * <p>Each test has its own people: an employee and the head of a department below a company whose
 * head is the boss, and one user each holding the roles the template's flows name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OaScenarioIntegrationTests {

  static final String BASE = "/api/v1/apps/oa/forms/";
  static final String PASSWORD = "password-of-oa-tests";

  @LocalServerPort
  int port;

  ApiClient admin;
  String s;
  ApiClient emp;
  ApiClient head;
  ApiClient boss;
  ApiClient gm;
  ApiClient fin;
  ApiClient cashier;
  ApiClient hr;

  @BeforeEach
  void installAndHire() {
    admin = new ApiClient(port).login("admin", "test-admin-pw");
    ApiClient.Response r = admin.send("POST", "/api/v1/templates/oa/install", "{'locale':'en'}");
    assertThat(r.status()).as(r.body().toString()).isIn(200, 201);
    s = Long.toString(System.nanoTime(), 36);
    admin.send("POST", "/api/v1/departments", "{'id':'co" + s + "','name':'Company " + s + "'}");
    admin.send("POST", "/api/v1/departments", "{'id':'sales" + s + "','name':'Sales " + s + "','parent':'co" + s + "'}");
    emp = hire("emp", "sales", null);
    head = hire("head", "sales", null);
    boss = hire("boss", "co", null);
    gm = hire("gm", "co", "gm");
    fin = hire("fin", "co", "finance");
    cashier = hire("cash", "co", "cashier");
    hr = hire("hr", "co", "hr");
    assertThat(admin.send("PUT", "/api/v1/departments/co" + s, "{'id':'co" + s + "','name':'Company " + s + "','heads':['boss" + s + "']}").status()).isEqualTo(200);
    assertThat(admin.send("PUT", "/api/v1/departments/sales" + s, "{'id':'sales" + s + "','name':'Sales " + s + "','parent':'co" + s
        + "','heads':['head" + s + "']}").status()).isEqualTo(200);
  }

  ApiClient hire(String name, String department, String role) {
    ApiClient.Response r = admin.send("POST", "/api/v1/users", "{'username':'" + name + s + "','displayName':'" + name + "','password':'" + PASSWORD
        + "','departments':['" + department + s + "'],'roles':[" + (role == null ? "" : "'" + role + "'") + "]}");
    assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
    return new ApiClient(port).login(name + s, PASSWORD);
  }

  String user(String name) {
    return name + s;
  }

  String submit(ApiClient who, String form, String data) {
    ApiClient.Response r = who.send("POST", BASE + form + "/records", "{'data':" + data + "}");
    assertThat(r.status()).as(form + ": " + r.body()).isEqualTo(201);
    return r.body().get("_id").asString();
  }

  JsonNode record(String form, String id) {
    return admin.get(BASE + form + "/records/" + id).body();
  }

  String status(String form, String id) {
    return record(form, id).get("status").asString();
  }

  static <T> T eventually(Supplier<T> probe, java.util.function.Predicate<T> done, String what) {
    long until = System.currentTimeMillis() + 30_000;
    T value = probe.get();
    while (!done.test(value) && System.currentTimeMillis() < until) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      value = probe.get();
    }
    assertThat(done.test(value)).as(what + ": " + value).isTrue();
    return value;
  }

  /** The open task of {@code who} on the record (flows start from the record's event, so it may take a moment). */
  String task(ApiClient who, String recordId) {
    JsonNode found = eventually(() -> findTask(who, recordId), t -> t != null, "a task on " + recordId);
    return found.get("id").asString();
  }

  static JsonNode findTask(ApiClient who, String recordId) {
    for (JsonNode t : who.get("/api/v1/tasks?size=200").body().get("items")) {
      if (t.get("recordId").asString().equals(recordId)) {
        return t;
      }
    }
    return null;
  }

  void act(ApiClient who, String recordId, String action, String body) {
    ApiClient.Response r = who.send("POST", "/api/v1/tasks/" + task(who, recordId) + "/" + action, body);
    assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(204);
  }

  void approve(ApiClient who, String recordId) {
    act(who, recordId, "approve", "{'comment':'ok'}");
  }

  void awaitStatus(String form, String id, String expected) {
    eventually(() -> status(form, id), expected::equals, form + " " + id + " status");
  }

  String balance(String type, double entitled) {
    return submitAsAdmin("leave_balance", "{'employee':'" + user("emp") + "','leaveType':'" + type + "','entitled':" + entitled + "}");
  }

  String submitAsAdmin(String form, String data) {
    return submit(admin, form, data);
  }

  // ---------------------------------------------------------------- the package

  @Test
  void theOaTemplateIsListedValidWithItsFlowsRolesViewsAndParameters() {
    JsonNode oa = admin.get("/api/v1/templates/oa").body();
    assertThat(oa.get("problems")).isEmpty();
    assertThat(oa.get("name").get("zh-CN").asString()).isEqualTo("OA审批");
    assertThat(oa.get("requiredPlugins").toString()).contains("ledger");
    assertThat(oa.get("creates").get("forms").asInt()).isEqualTo(10);
    assertThat(oa.get("creates").get("flows").asInt()).isEqualTo(8);
    assertThat(oa.get("creates").get("roles").asInt()).isEqualTo(7);
    assertThat(oa.get("parameters").toString()).contains("expenseGmThreshold", "leaveGmDays", "contractGmThreshold");

    JsonNode views = admin.get("/api/v1/apps/oa/views").body();
    assertThat(views.get("oa_dashboard").get("widgets").size()).isGreaterThanOrEqualTo(5);
    assertThat(views.get("leave_balances").get("form").asString()).isEqualTo("leave_balance");
    JsonNode flows = admin.get("/api/v1/apps/oa/template/flows").body();
    assertThat(flows.get("expense_claim").toString()).contains("total > 5000", "excludeInitiator");
    assertThat(flows.get("contract_approval").toString()).contains("parallel", "amount > 50000");
    assertThat(admin.get("/api/v1/roles").body().toString()).contains("cashier", "legal", "purchasing", "hr");
  }

  @Test
  void badParametersAreRefusedAtTheirFields() {
    ApiClient.Response r = admin.send("POST", "/api/v1/templates/oa/install", "{'params':{'expenseGmThreshold':'lots','colour':1}}");
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.body().findValuesAsString("field")).contains("params.expenseGmThreshold", "params.colour");
    assertThat(admin.get("/api/v1/apps/oa/template/params").body().get("expenseGmThreshold").asInt()).isEqualTo(5000);
  }

  @Test
  void theGmThresholdIsAParameterTheAdminChangesLater() {
    ApiClient.Response changed = admin.send("PUT", "/api/v1/apps/oa/template/params", "{'params':{'expenseGmThreshold':100}}");
    try {
      assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
      assertThat(admin.get("/api/v1/apps/oa/template/flows").body().get("expense_claim").toString()).contains("total > 100");
      String id = claim(emp, user("emp"), "300");
      approve(head, id);
      approve(fin, id);
      approve(gm, id); // 300 is above the new threshold
      approve(cashier, id);
      awaitStatus("expense_claim", id, "approved");
    } finally {
      assertThat(admin.send("PUT", "/api/v1/apps/oa/template/params", "{'params':{'expenseGmThreshold':5000}}").status()).isEqualTo(200);
    }
  }

  // ---------------------------------------------------------------- leave

  @Test
  void leaveOfUpToThreeDaysNeedsOnlyTheDeptHeadHrIsCopiedAndTheBalanceIsUsed() {
    String balance = balance("annual", 10);
    String leave = submit(emp, "leave", "{'applicant':'" + user("emp") + "','leaveType':'annual','startDate':'2026-12-01','startHalf':'am',"
        + "'endDate':'2026-12-03','endHalf':'pm','reason':'Family visit'}");
    assertThat(record("leave", leave).get("data").get("days").decimalValue()).isEqualByComparingTo("3");

    approve(head, leave);

    awaitStatus("leave", leave, "approved");
    assertThat(findTask(gm, leave)).isNull();
    JsonNode copied = eventually(() -> hr.get("/api/v1/flows/cc?size=200").body().get("items"),
        items -> items.toString().contains(leave), "HR copied");
    assertThat(copied.toString()).contains(leave);
    JsonNode b = eventually(() -> record("leave_balance", balance).get("data"), d -> d.has("used"), "balance used");
    assertThat(b.get("used").decimalValue()).isEqualByComparingTo("3");
    assertThat(b.get("remaining").decimalValue()).isEqualByComparingTo("7");
  }

  @Test
  void leaveOfMoreThanThreeDaysAlsoNeedsTheGm() {
    balance("annual", 10);
    String leave = submit(emp, "leave", "{'applicant':'" + user("emp") + "','leaveType':'annual','startDate':'2026-12-01',"
        + "'endDate':'2026-12-04','endHalf':'am','reason':'Wedding abroad'}");
    assertThat(record("leave", leave).get("data").get("days").decimalValue()).isEqualByComparingTo("3.5");

    approve(head, leave);
    assertThat(status("leave", leave)).isEqualTo("in_approval");
    approve(gm, leave);

    awaitStatus("leave", leave, "approved");
  }

  @Test
  void leaveTheBalanceCannotCoverIsRefusedAtItsDaysFieldAndRequestsInApprovalCount() {
    balance("annual", 5);
    String first = submit(emp, "leave", "{'applicant':'" + user("emp") + "','leaveType':'annual','startDate':'2026-12-01',"
        + "'endDate':'2026-12-03','reason':'One'}");

    ApiClient.Response refused = emp.send("POST", BASE + "leave/records", "{'data':{'applicant':'" + user("emp")
        + "','leaveType':'annual','startDate':'2026-12-10','endDate':'2026-12-12','reason':'Two'}}");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("days");
    assertThat(refused.body().get("errors").get(0).get("message").asString()).contains("2 day(s) available, 3 requested");
    assertThat(myLeaves()).containsExactly(first);

    ApiClient.Response noBalance = emp.send("POST", BASE + "leave/records", "{'data':{'applicant':'" + user("emp")
        + "','leaveType':'compensatory','startDate':'2026-12-10','endDate':'2026-12-10','reason':'Lieu'}}");
    assertThat(noBalance.status()).isEqualTo(422);
    assertThat(noBalance.body().toString()).contains("0 day(s) available");
    ApiClient.Response sick = emp.send("POST", BASE + "leave/records", "{'data':{'applicant':'" + user("emp")
        + "','leaveType':'sick','startDate':'2026-12-10','endDate':'2026-12-10','reason':'Flu'}}");
    assertThat(sick.status()).as("sick leave takes no balance").isEqualTo(201);
  }

  @Test
  void badLeaveInputIsRefusedAtItsFieldsAndStoresNothing() {
    balance("annual", 10);
    ApiClient.Response backwards = emp.send("POST", BASE + "leave/records", "{'data':{'applicant':'" + user("emp")
        + "','leaveType':'annual','startDate':'2026-12-05','endDate':'2026-12-01','reason':'Time travel'}}");
    assertThat(backwards.status()).isEqualTo(422);
    assertThat(backwards.body().findValuesAsString("field")).contains("endDate");

    ApiClient.Response unknownType = emp.send("POST", BASE + "leave/records", "{'data':{'applicant':'" + user("emp")
        + "','leaveType':'sabbatical','startDate':'2026-12-01','endDate':'2026-12-01'}}");
    assertThat(unknownType.status()).isEqualTo(422);
    assertThat(unknownType.body().findValuesAsString("field")).contains("leaveType", "reason");

    ApiClient.Response longSick = emp.send("POST", BASE + "leave/records", "{'data':{'applicant':'" + user("emp")
        + "','leaveType':'sick','startDate':'2026-12-01','endDate':'2026-12-03','reason':'Flu'}}");
    assertThat(longSick.status()).as("a sick leave of more than a day needs its note").isEqualTo(422);
    assertThat(longSick.body().findValuesAsString("field")).contains("attachment");
    assertThat(myLeaves()).isEmpty();
  }

  List<String> myLeaves() {
    String filter = "[{'field':'applicant','op':'eq','value':'" + user("emp") + "'}]";
    List<String> ids = new ArrayList<>();
    admin.get(BASE + "leave/records?filter=" + URLEncoder.encode(filter.replace('\'', '"'), StandardCharsets.UTF_8)).body()
        .get("items").forEach(r -> ids.add(r.get("_id").asString()));
    return ids;
  }

  // ---------------------------------------------------------------- expense claims

  String claim(ApiClient who, String claimant, String... amounts) {
    StringBuilder lines = new StringBuilder();
    for (String amount : amounts) {
      lines.append(lines.isEmpty() ? "" : ",").append("{'date':'2026-11-20','category':'travel','description':'Taxi','amount':")
          .append(amount).append(",'invoices':1}");
    }
    return submit(who, "expense_claim", "{'claimant':'" + claimant + "','department':'sales" + s + "','lines':[" + lines + "],"
        + "'payee':'" + claimant + "','payeeAccount':'6222 0000 1111'}");
  }

  JsonNode vouchersOf(String claimNo) {
    ApiClient.Response r = admin.send("POST", "/api/v1/apps/oa/plugins/ledger/report", "{'report':'vouchers'}");
    assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
    List<JsonNode> mine = new ArrayList<>();
    r.body().findValues("vouchers").forEach(list -> list.forEach(v -> {
      if (v.toString().contains(claimNo)) {
        mine.add(v);
      }
    }));
    return tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode().addAll(mine);
  }

  @Test
  void aClaimUpToTheThresholdGoesHeadFinanceCashierAndPostsExactlyOneVoucher() {
    String id = claim(emp, user("emp"), "1000", "200.5");
    JsonNode data = record("expense_claim", id).get("data");
    assertThat(data.get("total").decimalValue()).isEqualByComparingTo("1200.50");
    assertThat(data.get("totalInWords").asString()).isEqualTo("壹仟贰佰元伍角整");

    approve(head, id);
    approve(fin, id);
    assertThat(findTask(gm, id)).as("1,200.50 needs no GM").isNull();
    act(cashier, id, "approve", "{'comment':'paid','data':{'paidFrom':'1002'}}");

    awaitStatus("expense_claim", id, "approved");
    String no = record("expense_claim", id).get("data").get("no").asString();
    JsonNode posted = eventually(() -> record("expense_claim", id).get("data"), d -> d.has("voucherNo") || d.has("postingError"), "claim posted");
    assertThat(posted.has("postingError")).as(posted.toString()).isFalse();
    JsonNode vouchers = vouchersOf(no);
    assertThat(vouchers).hasSize(1);
    assertThat(vouchers.get(0).get("totalDebit").decimalValue()).isEqualByComparingTo("1200.50");
    assertThat(vouchers.get(0).toString()).contains("560201", "1002"); // travel expense, paid from the bank

    // later edits of the claim and a second posting call post nothing more
    assertThat(admin.send("PATCH", BASE + "expense_claim/records/" + id, "{'data':{'payee':'Someone else'}}").status()).isEqualTo(200);
    ApiClient.Response again = admin.send("POST", "/api/v1/apps/oa/plugins/ledger/postExpense", "{'form':'expense_claim','recordId':'" + id + "'}");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().get("duplicate").asBoolean()).isTrue();
    eventually(() -> record("expense_claim", id).get("data").get("payee").asString(), "Someone else"::equals, "edit");
    assertThat(vouchersOf(no)).hasSize(1);
  }

  @Test
  void aClaimAboveTheThresholdAlsoNeedsTheGmBeforeTheCashier() {
    String id = claim(emp, user("emp"), "5000", "0.01");

    approve(head, id);
    approve(fin, id);
    assertThat(findTask(cashier, id)).isNull();
    approve(gm, id);
    approve(cashier, id);

    awaitStatus("expense_claim", id, "approved");
    String no = record("expense_claim", id).get("data").get("no").asString();
    eventually(() -> vouchersOf(no).size(), n -> n == 1, "one voucher");
    assertThat(vouchersOf(no).get(0).toString()).contains("2241"); // not paid at once: owed to the employee
  }

  @Test
  void aRejectedClaimEndsRejectedAndPostsNothing() {
    String id = claim(emp, user("emp"), "300");

    approve(head, id);
    act(fin, id, "reject", "{'comment':'no invoice'}");

    awaitStatus("expense_claim", id, "rejected");
    String no = record("expense_claim", id).get("data").get("no").asString();
    assertThat(vouchersOf(no)).isEmpty();
  }

  @Test
  void aClaimReturnedToTheInitiatorIsCorrectedAndSubmittedAgain() {
    String id = claim(emp, user("emp"), "300");
    approve(head, id);

    act(fin, id, "return", "{'target':'initiator','comment':'add the invoice count'}");
    awaitStatus("expense_claim", id, "draft");
    ApiClient.Response edited = emp.send("PATCH", BASE + "expense_claim/records/" + id,
        "{'data':{'lines':[{'date':'2026-11-20','category':'office','amount':300,'invoices':2}]}}");
    assertThat(edited.status()).as(edited.body().toString()).isEqualTo(200);
    assertThat(emp.send("POST", BASE + "expense_claim/records/" + id + "/submit", "{}").status()).isIn(200, 204);

    approve(head, id);
    approve(fin, id);
    approve(cashier, id);
    awaitStatus("expense_claim", id, "approved");
  }

  @Test
  void theClaimantWithdrawsBeforeTheFirstApprovalButNotAfter() {
    String early = claim(emp, user("emp"), "80");
    task(head, early);
    assertThat(emp.send("POST", BASE + "expense_claim/records/" + early + "/withdraw", "{'comment':'wrong month'}").status()).isIn(200, 204);
    awaitStatus("expense_claim", early, "withdrawn");

    String late = claim(emp, user("emp"), "90");
    approve(head, late);
    ApiClient.Response refused = emp.send("POST", BASE + "expense_claim/records/" + late + "/withdraw", "{}");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(status("expense_claim", late)).isEqualTo("in_approval");
  }

  @Test
  void noOneApprovesTheirOwnClaim() {
    // the department head's own claim goes to the head above; the finance reviewer's own claim skips them
    String headsClaim = claim(head, user("head"), "120");
    task(boss, headsClaim);
    assertThat(findTask(head, headsClaim)).isNull();
    approve(boss, headsClaim);
    approve(fin, headsClaim);
    approve(cashier, headsClaim);
    awaitStatus("expense_claim", headsClaim, "approved");
    assertThat(admin.get(BASE + "expense_claim/records/" + headsClaim + "/timeline").body().findValuesAsString("action"))
        .contains("initiatorExcluded");

    String finsClaim = claim(fin, user("fin"), "150");
    approve(boss, finsClaim); // fin's department head
    eventually(() -> findTask(fin, finsClaim), t -> t == null, "fin has no task on their own claim");
    assertThat(findTask(fin, finsClaim)).isNull();
  }

  @Test
  void badClaimsAreRefusedAtTheirFieldsAndStoreNothing() {
    ApiClient.Response noLines = emp.send("POST", BASE + "expense_claim/records", "{'data':{'claimant':'" + user("emp") + "','lines':[]}}");
    assertThat(noLines.status()).isEqualTo(422);
    assertThat(noLines.body().findValuesAsString("field")).anyMatch(f -> f.startsWith("lines") || f.equals("total"));

    ApiClient.Response badLine = emp.send("POST", BASE + "expense_claim/records", "{'data':{'claimant':'" + user("emp")
        + "','lines':[{'date':'2026-11-20','category':'yacht','amount':-5}]}}");
    assertThat(badLine.status()).isEqualTo(422);
    assertThat(badLine.body().findValuesAsString("field")).anyMatch(f -> f.contains("category")).anyMatch(f -> f.contains("amount"));

    String filter = "[{'field':'claimant','op':'eq','value':'" + user("emp") + "'}]";
    assertThat(admin.get(BASE + "expense_claim/records?filter=" + URLEncoder.encode(filter.replace('\'', '"'), StandardCharsets.UTF_8))
        .body().get("total").asInt()).isZero();
  }
}
