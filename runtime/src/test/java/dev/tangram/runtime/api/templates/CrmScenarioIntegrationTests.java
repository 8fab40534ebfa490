package dev.tangram.runtime.api.templates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tangram.runtime.api.ApiClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The CRM story on a fresh engine of its own (so whether the inventory app is installed is this
 * class's doing), through the public API only: a lead converted once into customer, contact and
 * opportunity; the opportunity through the funnel; won without the inventory app (nothing else
 * happens) and with it (one sales order there, however often it is saved); priced quote lines;
 * the SLA of a ticket; the "not followed up in N days" list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tangram.test.context=crm-scenario")
@ActiveProfiles("test")
class CrmScenarioIntegrationTests {

  static final String CRM = "/api/v1/apps/crm/forms/";
  static final String INVENTORY = "/api/v1/apps/inventory/forms/";

  @LocalServerPort
  int port;

  ApiClient admin;

  @BeforeEach
  void install() {
    admin = new ApiClient(port).login("admin", "test-admin-pw");
    ApiClient.Response r = admin.send("POST", "/api/v1/templates/crm/install", "{'locale':'en'}");
    assertThat(r.status()).as(r.body().toString()).isIn(200, 201);
  }

  String create(String base, String form, String data) {
    ApiClient.Response r = admin.send("POST", base + form + "/records", "{'data':" + data + "}");
    assertThat(r.status()).as(form + ": " + r.body()).isEqualTo(201);
    return r.body().get("_id").asString();
  }

  JsonNode data(String base, String form, String id) {
    ApiClient.Response r = admin.get(base + form + "/records/" + id);
    assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
    return r.body().get("data");
  }

  JsonNode patch(String base, String form, String id, String data) {
    ApiClient.Response r = admin.send("PATCH", base + form + "/records/" + id, "{'data':" + data + "}");
    assertThat(r.status()).as(form + ": " + r.body()).isEqualTo(200);
    return r.body().get("data");
  }

  JsonNode query(String base, String form, String filter) {
    ApiClient.Response r = admin.get(base + form + "/records?size=200&filter=" + URLEncoder.encode(filter.replace('\'', '"'), StandardCharsets.UTF_8));
    assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
    return r.body().get("items");
  }

  @Test
  void aLeadConvertsOnceAndAWonOpportunityBecomesOneSalesOrderOnlyWhenInventoryIsInstalled() {
    String lead = create(CRM, "lead", "{'name':'Li Na','company':'Hengda Electronics','phone':'0512-66660202','source':'expo','expectedAmount':80000}");
    patch(CRM, "lead", lead, "{'convert':true}");
    JsonNode converted = data(CRM, "lead", lead);
    assertThat(converted.get("leadStatus").asString()).isEqualTo("converted");
    String customer = converted.get("customer").asString();
    String opportunity = converted.get("opportunity").asString();
    assertThat(data(CRM, "customer", customer).get("name").asString()).isEqualTo("Hengda Electronics");
    assertThat(data(CRM, "contact", converted.get("contact").asString()).get("primary").asBoolean()).isTrue();

    patch(CRM, "lead", lead, "{'note':'converted twice?','convert':true}"); // idempotent: nothing new
    assertThat(query(CRM, "customer", "[{'field':'lead','op':'eq','value':'" + lead + "'}]")).hasSize(1);
    assertThat(query(CRM, "opportunity", "[{'field':'lead','op':'eq','value':'" + lead + "'}]")).hasSize(1);

    // the funnel: the stage sets the probability and the weighted amount
    JsonNode opp = data(CRM, "opportunity", opportunity);
    assertThat(opp.get("stage").asString()).isEqualTo("initial");
    assertThat(opp.get("probability").decimalValue()).isEqualByComparingTo("10");
    assertThat(patch(CRM, "opportunity", opportunity, "{'stage':'needs'}").get("weightedAmount").decimalValue()).isEqualByComparingTo("24000");
    assertThat(patch(CRM, "opportunity", opportunity, "{'stage':'proposal'}").get("probability").decimalValue()).isEqualByComparingTo("60");
    assertThat(patch(CRM, "opportunity", opportunity, "{'stage':'negotiation'}").get("probability").decimalValue()).isEqualByComparingTo("80");
    ApiClient.Response lostWithoutReason = admin.send("PATCH", CRM + "opportunity/records/" + opportunity, "{'data':{'stage':'lost'}}");
    assertThat(lostWithoutReason.status()).isEqualTo(422);
    assertThat(lostWithoutReason.body().toString()).contains("lostReason");

    // won while the inventory app is not installed: won, dated, and nothing else
    String code = "CNC" + System.nanoTime();
    patch(CRM, "opportunity", opportunity, "{'lines':[{'product':'" + code + "','qty':4,'price':1250}]}");
    patch(CRM, "opportunity", opportunity, "{'stage':'won'}");
    JsonNode won = data(CRM, "opportunity", opportunity);
    assertThat(won.get("probability").decimalValue()).isEqualByComparingTo("100");
    assertThat(won.get("closedOn").asString()).isEqualTo(LocalDate.now().toString());
    assertThat(won.get("closedMonth").asString()).isEqualTo(LocalDate.now().toString().substring(0, 7));
    assertThat(won.has("salesOrder")).isFalse();
    assertThat(admin.get(INVENTORY + "sales_order/records").status()).isEqualTo(404);

    // with the inventory app: a second opportunity won makes exactly one sales order there
    ApiClient.Response inventory = admin.send("POST", "/api/v1/templates/inventory/install", "{'locale':'en'}");
    assertThat(inventory.status()).as(inventory.body().toString()).isIn(200, 201);
    String item = create(INVENTORY, "item", "{'code':'" + code + "','name':'CNC spare kit','itemType':'goods','source':'buy'}");
    String deal = create(CRM, "opportunity", "{'name':'Spare kits','customer':'" + customer + "','stage':'negotiation','expectedAmount':5000,"
        + "'lines':[{'product':'" + code + "','qty':4,'price':1250},{'product':'UNKNOWN-1','qty':1,'price':10}]}");
    assertThat(data(CRM, "opportunity", deal).has("salesOrder")).isFalse();
    patch(CRM, "opportunity", deal, "{'stage':'won'}");
    JsonNode dealWon = data(CRM, "opportunity", deal);
    assertThat(dealWon.get("salesOrder").asString()).startsWith("SO-");
    assertThat(dealWon.get("orderNote").asString()).contains("UNKNOWN-1");
    patch(CRM, "opportunity", deal, "{'competitor':'Acme'}");
    patch(CRM, "opportunity", deal, "{'stage':'negotiation'}");
    patch(CRM, "opportunity", deal, "{'stage':'won','salesOrder':null}"); // even with the link cleared: the same order
    JsonNode orders = query(INVENTORY, "sales_order", "[{'field':'sourceRef','op':'eq','value':'crm/opportunity/" + deal + "'}]");
    assertThat(orders).hasSize(1);
    JsonNode order = orders.get(0);
    assertThat(order.get("data").get("no").asString()).isEqualTo(dealWon.get("salesOrder").asString());
    assertThat(order.get("data").get("lines")).hasSize(1);
    assertThat(order.get("data").get("lines").get(0).get("item").asString()).isEqualTo(item);
    assertThat(order.get("data").get("total").decimalValue()).isEqualByComparingTo("5000");
    assertThat(order.get("createdBy").asString()).isEqualTo("admin"); // written as the user who won it
    JsonNode inventoryCustomer = data(INVENTORY, "customer", order.get("data").get("customer").asString());
    assertThat(inventoryCustomer.get("code").asString()).isEqualTo(data(CRM, "customer", customer).get("no").asString());

    // a sales rep who is no member of the inventory app wins a deal: the rule gives them no rights there
    String s = Long.toString(System.nanoTime(), 36);
    assertThat(admin.send("POST", "/api/v1/users", "{'username':'rep" + s + "','displayName':'Rep','password':'Rep-pw-2026-long!','departments':[],'roles':[]}")
        .status()).isEqualTo(201);
    assertThat(admin.send("PUT", "/api/v1/apps/inventory/access", "{'admins':[],'members':['user:admin']}").status()).isEqualTo(200);
    ApiClient rep = new ApiClient(port).login("rep" + s, "Rep-pw-2026-long!");
    ApiClient.Response repDeal = rep.send("POST", CRM + "opportunity/records", "{'data':{'name':'Rep deal','customer':'" + customer
        + "','stage':'negotiation','lines':[{'product':'" + code + "','qty':1,'price':1250}]}}");
    assertThat(repDeal.status()).as(repDeal.body().toString()).isEqualTo(201);
    String repDealId = repDeal.body().get("_id").asString();
    assertThat(rep.send("PATCH", CRM + "opportunity/records/" + repDealId, "{'data':{'stage':'won'}}").status()).isEqualTo(200);
    assertThat(data(CRM, "opportunity", repDealId).get("stage").asString()).isEqualTo("won");
    assertThat(data(CRM, "opportunity", repDealId).has("salesOrder")).isFalse();
    assertThat(query(INVENTORY, "sales_order", "[{'field':'sourceRef','op':'eq','value':'crm/opportunity/" + repDealId + "'}]")).isEmpty();
  }

  @Test
  void quoteLinesArePricedWithDiscountAndTax() {
    String customer = create(CRM, "customer", "{'name':'Quote Co " + System.nanoTime() + "'}");
    String quote = create(CRM, "quote", "{'customer':'" + customer + "','quoteDate':'2026-11-23','validUntil':'2026-12-23','lines':["
        + "{'product':'A-1','qty':10,'price':100,'discount':5,'taxRate':13},{'product':'B-2','qty':3,'price':19.99}]}");
    JsonNode q = data(CRM, "quote", quote);
    assertThat(q.get("lines").get(0).get("amount").decimalValue()).isEqualByComparingTo("950.00");
    assertThat(q.get("lines").get(0).get("tax").decimalValue()).isEqualByComparingTo("123.50");
    assertThat(q.get("lines").get(1).get("amount").decimalValue()).isEqualByComparingTo("59.97");
    assertThat(q.get("subtotal").decimalValue()).isEqualByComparingTo("1009.97");
    assertThat(q.get("taxTotal").decimalValue()).isEqualByComparingTo("131.30");
    assertThat(q.get("total").decimalValue()).isEqualByComparingTo("1141.27");
    assertThat(q.get("maxDiscount").decimalValue()).isEqualByComparingTo("5");

    ApiClient.Response expired = admin.send("POST", CRM + "quote/records", "{'data':{'customer':'" + customer
        + "','quoteDate':'2026-11-23','validUntil':'2026-11-01','lines':[{'product':'A-1','qty':1,'price':1}]}}");
    assertThat(expired.status()).isEqualTo(422);
    assertThat(expired.body().toString()).contains("validUntil");
  }

  @Test
  void aTicketsSlaComesFromItsPriorityAndFollowUpsKeepCustomersOffTheOverdueList() {
    String customer = create(CRM, "customer", "{'name':'Quiet Co " + System.nanoTime() + "','lastContact':'" + LocalDate.now().minusDays(30) + "'}");
    String ticket = create(CRM, "ticket", "{'customer':'" + customer + "','subject':'Spindle noise','priority':'urgent','openedOn':'2026-11-23'}");
    assertThat(data(CRM, "ticket", ticket).get("slaDue").asString()).isEqualTo("2026-11-24");
    assertThat(patch(CRM, "ticket", ticket, "{'priority':'low'}").get("slaDue").asString()).isEqualTo("2026-11-28");

    String overdue = "[{'field':'lastContact','op':'lt','value':'today-14'},{'field':'_id','op':'eq','value':'" + customer + "'}]";
    assertThat(query(CRM, "customer", overdue)).hasSize(1);
    create(CRM, "followup", "{'customer':'" + customer + "','kind':'call','content':'Checked in'}");
    assertThat(data(CRM, "customer", customer).get("lastContact").asString()).isEqualTo(LocalDate.now().toString());
    assertThat(query(CRM, "customer", overdue)).isEmpty();

    JsonNode views = admin.get("/api/v1/apps/crm/views").body();
    assertThat(views.toString()).contains("customers_overdue", "today-14", "sales_dashboard");
  }

  @Test
  void aQuoteWithADiscountAboveTheLimitWaitsForTheSalesManager() {
    String s = Long.toString(System.nanoTime(), 36);
    ApiClient.Response hired = admin.send("POST", "/api/v1/users", "{'username':'mgr" + s + "','displayName':'Sales manager','password':'Manager-pw-2026!',"
        + "'departments':[],'roles':['sales_manager']}");
    assertThat(hired.status()).as(hired.body().toString()).isEqualTo(201);
    ApiClient manager = new ApiClient(port).login("mgr" + s, "Manager-pw-2026!");
    String customer = create(CRM, "customer", "{'name':'Discount Co " + s + "'}");

    String modest = create(CRM, "quote", "{'customer':'" + customer + "','quoteDate':'2026-11-23','lines':[{'product':'A-1','qty':1,'price':100,'discount':10}]}");
    String generous = create(CRM, "quote", "{'customer':'" + customer + "','quoteDate':'2026-11-23','lines':[{'product':'A-1','qty':1,'price':100,'discount':10.5}]}");
    awaitStatus("quote", modest, "approved"); // at the limit: no approval needed
    awaitStatus("quote", generous, "in_approval");

    String task = eventually(() -> {
      for (JsonNode t : manager.get("/api/v1/tasks?size=200").body().get("items")) {
        if (t.get("recordId").asString().equals(generous)) {
          return t.get("id").asString();
        }
      }
      return null;
    });
    ApiClient.Response approved = manager.send("POST", "/api/v1/tasks/" + task + "/approve", "{'comment':'ok for this account'}");
    assertThat(approved.status()).as(approved.body().toString()).isEqualTo(204);
    awaitStatus("quote", generous, "approved");
  }

  void awaitStatus(String form, String id, String expected) {
    eventually(() -> {
      String status = admin.get(CRM + form + "/records/" + id).body().get("status").asString();
      return status.equals(expected) ? status : null;
    });
  }

  static <T> T eventually(java.util.function.Supplier<T> probe) {
    long deadline = System.currentTimeMillis() + 20_000;
    while (true) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("still not there after 20 s");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
