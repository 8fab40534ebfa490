package dev.tangram.runtime.api.templates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tangram.runtime.api.ApiClient;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The purchasing and inventory story on a freshly installed inventory template, through the
 * public API only: requisition → order → receipt raises stock → sales order → delivery lowers it;
 * a delivery beyond stock is refused; an edited receipt moves stock by the difference; a delivery
 * down to the reorder point raises one alert; receipts and deliveries post to the ledger once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InventoryScenarioIntegrationTests {

  static final String BASE = "/api/v1/apps/inventory/forms/";

  @LocalServerPort
  int port;

  ApiClient admin;

  @BeforeEach
  void install() {
    admin = new ApiClient(port).login("admin", "test-admin-pw");
    ApiClient.Response r = admin.send("POST", "/api/v1/templates/inventory/install", "{'locale':'en'}");
    assertThat(r.status()).as(r.body().toString()).isIn(200, 201);
  }

  String create(String form, String data) {
    ApiClient.Response r = admin.send("POST", BASE + form + "/records", "{'data':" + data + "}");
    assertThat(r.status()).as(form + ": " + r.body()).isEqualTo(201);
    return r.body().get("_id").asString();
  }

  BigDecimal onHand(String item, String warehouse) {
    String filter = "[{'field':'item','op':'eq','value':'" + item + "'},{'field':'warehouse','op':'eq','value':'" + warehouse + "'}]";
    JsonNode page = admin.get(BASE + "stock_balance/records?filter=" + URLEncoder.encode(filter.replace('\'', '"'), StandardCharsets.UTF_8)).body();
    JsonNode items = page.get("items");
    assertThat(items.size()).isLessThanOrEqualTo(1);
    return items.isEmpty() ? BigDecimal.ZERO : items.get(0).get("data").get("onHand").decimalValue();
  }

  @Test
  void purchaseReceiveSellAndDeliverMoveStockExactly() {
    String code = "B" + System.nanoTime();
    String supplier = create("supplier", "{'name':'Acme " + code + "'}");
    String item = create("item", "{'code':'" + code + "','name':'Bolt M8','itemType':'raw','source':'buy','defaultSupplier':'" + supplier + "'}");
    String warehouse = create("warehouse", "{'code':'W" + code.substring(1, 10) + "','name':'Main'}");
    String customer = create("customer", "{'code':'C" + code + "','name':'Globex'}");

    String requisition = create("purchase_requisition", "{'reason':'Stock up','lines':[{'item':'" + item + "','qty':100,'estPrice':2}]}");
    String order = create("purchase_order", "{'supplier':'" + supplier + "','orderDate':'2026-11-23','requisition':'" + requisition
        + "','orderStatus':'confirmed','lines':[{'item':'" + item + "','qty':100,'price':2}]}");
    assertThat(admin.get(BASE + "purchase_order/records/" + order).body().get("data").get("grandTotal").decimalValue()).isEqualByComparingTo("226");

    String receipt = create("goods_receipt", "{'purchaseOrder':'" + order + "','supplier':'" + supplier + "','warehouse':'" + warehouse
        + "','receiptDate':'2026-11-24','lines':[{'item':'" + item + "','qty':100,'unitCost':2}]}");
    assertThat(onHand(item, warehouse)).isEqualByComparingTo("100");

    String salesOrder = create("sales_order", "{'customer':'" + customer + "','orderDate':'2026-11-25','lines':[{'item':'" + item + "','qty':30,'price':5}]}");
    String delivery = create("delivery", "{'salesOrder':'" + salesOrder + "','customer':'" + customer + "','warehouse':'" + warehouse
        + "','deliveryDate':'2026-11-26','lines':[{'item':'" + item + "','qty':30}]}");
    assertThat(onHand(item, warehouse)).isEqualByComparingTo("70");

    ApiClient.Response beyond = admin.send("POST", BASE + "delivery/records", "{'data':{'warehouse':'" + warehouse
        + "','deliveryDate':'2026-11-26','lines':[{'item':'" + item + "','qty':71}]}}");
    assertThat(beyond.status()).isEqualTo(422);
    assertThat(beyond.body().toString()).contains("Not enough stock");
    assertThat(onHand(item, warehouse)).isEqualByComparingTo("70");

    ApiClient.Response edited = admin.send("PATCH", BASE + "goods_receipt/records/" + receipt,
        "{'data':{'lines':[{'item':'" + item + "','qty':90,'unitCost':2}]}}");
    assertThat(edited.status()).as(edited.body().toString()).isEqualTo(200);
    assertThat(onHand(item, warehouse)).isEqualByComparingTo("60");

    assertThat(admin.send("DELETE", BASE + "delivery/records/" + delivery, null).status()).isEqualTo(204);
    assertThat(onHand(item, warehouse)).isEqualByComparingTo("90");
  }

  @Test
  void aTransferMovesStockBetweenWarehousesAndCannotLeaveOneNegative() {
    String code = "T" + System.nanoTime();
    String item = create("item", "{'code':'" + code + "','name':'Nut'}");
    String a = create("warehouse", "{'code':'A" + code.substring(1, 10) + "','name':'A'}");
    String b = create("warehouse", "{'code':'B" + code.substring(1, 10) + "','name':'B'}");
    create("goods_receipt", "{'warehouse':'" + a + "','receiptDate':'2026-11-24','lines':[{'item':'" + item + "','qty':10}]}");

    create("stock_transfer", "{'fromWarehouse':'" + a + "','toWarehouse':'" + b + "','transferDate':'2026-11-25','lines':[{'item':'" + item + "','qty':4}]}");

    assertThat(onHand(item, a)).isEqualByComparingTo("6");
    assertThat(onHand(item, b)).isEqualByComparingTo("4");
    assertThat(admin.send("POST", BASE + "stock_transfer/records", "{'data':{'fromWarehouse':'" + a + "','toWarehouse':'" + b
        + "','transferDate':'2026-11-25','lines':[{'item':'" + item + "','qty':7}]}}").status()).isEqualTo(422);
    assertThat(admin.send("POST", BASE + "stock_transfer/records", "{'data':{'fromWarehouse':'" + a + "','toWarehouse':'" + a
        + "','transferDate':'2026-11-25','lines':[{'item':'" + item + "','qty':1}]}}").status()).isEqualTo(422);
    assertThat(onHand(item, a)).isEqualByComparingTo("6");
  }

  @Test
  void aDeliveryThatLeavesAnItemAtItsReorderPointRaisesOneOpenAlert() {
    String code = "R" + System.nanoTime();
    String item = create("item", "{'code':'" + code + "','name':'Washer','reorderPoint':20,'maxStock':100,'lotRule':'FOQ','lotQty':25}");
    String warehouse = create("warehouse", "{'code':'R" + code.substring(1, 10) + "','name':'R'}");
    create("goods_receipt", "{'warehouse':'" + warehouse + "','receiptDate':'2026-11-24','lines':[{'item':'" + item + "','qty':50}]}");
    create("delivery", "{'warehouse':'" + warehouse + "','deliveryDate':'2026-11-25','lines':[{'item':'" + item + "','qty':20}]}");
    assertThat(alerts(item)).isEmpty(); // 30 left, above the reorder point

    create("delivery", "{'warehouse':'" + warehouse + "','deliveryDate':'2026-11-26','lines':[{'item':'" + item + "','qty':15}]}");
    JsonNode alerts = alerts(item);
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).get("data").get("available").decimalValue()).isEqualByComparingTo("15");
    assertThat(alerts.get(0).get("data").get("suggestedQty").decimalValue()).isEqualByComparingTo("100"); // 100 - 15 = 85, in lots of 25

    create("delivery", "{'warehouse':'" + warehouse + "','deliveryDate':'2026-11-27','lines':[{'item':'" + item + "','qty':5}]}");
    alerts = alerts(item);
    assertThat(alerts).hasSize(1); // the open alert is brought up to date, not repeated
    assertThat(alerts.get(0).get("data").get("available").decimalValue()).isEqualByComparingTo("10");
  }

  JsonNode alerts(String item) {
    String filter = "[{'field':'item','op':'eq','value':'" + item + "'},{'field':'alertStatus','op':'eq','value':'open'}]";
    return admin.get(BASE + "reorder_alert/records?filter=" + URLEncoder.encode(filter.replace('\'', '"'), StandardCharsets.UTF_8)).body().get("items");
  }

  @Test
  void receiptsAndDeliveriesPostToTheLedgerOnceAndADeletionReversesIt() {
    String code = "L" + System.nanoTime();
    String supplier = create("supplier", "{'name':'Ledger Supplier " + code + "'}");
    String item = create("item", "{'code':'" + code + "','name':'Gasket'}");
    String warehouse = create("warehouse", "{'code':'L" + code.substring(1, 10) + "','name':'L'}");
    String receipt = create("goods_receipt", "{'supplier':'" + supplier + "','warehouse':'" + warehouse
        + "','receiptDate':'2026-11-24','lines':[{'item':'" + item + "','qty':10,'unitCost':3}]}");
    JsonNode posted = entries("goods_receipt/" + receipt + "/post");
    assertThat(posted).hasSize(1);
    assertThat(posted.get(0).get("data").get("outcome").asString()).isEqualTo("posted");
    assertThat(lines(posted.get(0), "debit")).containsEntry("1405", new BigDecimal("30.00"));
    assertThat(lines(posted.get(0), "credit")).containsEntry("220202", new BigDecimal("30.00"));
    admin.send("PATCH", BASE + "goods_receipt/records/" + receipt, "{'data':{'receiptDate':'2026-11-24'}}"); // a save posts nothing twice
    assertThat(entries("goods_receipt/" + receipt + "/post")).hasSize(1);

    String delivery = create("delivery", "{'warehouse':'" + warehouse + "','deliveryDate':'2026-11-25','lines':[{'item':'" + item + "','qty':4}]}");
    JsonNode cogs = entries("delivery/" + delivery + "/post");
    assertThat(cogs).hasSize(1);
    assertThat(lines(cogs.get(0), "debit")).containsEntry("5401", new BigDecimal("12.00"));
    String deliveryNo = admin.get(BASE + "delivery/records/" + delivery).body().get("data").get("no").asString();

    assertThat(admin.send("DELETE", BASE + "delivery/records/" + delivery, null).status()).isEqualTo(204);
    JsonNode reversal = entries("document/" + deliveryNo + "/cancel");
    assertThat(reversal).hasSize(1);
    // red ink (the ledger's default style): the same sides, negative amounts
    assertThat(lines(reversal.get(0), "debit")).containsEntry("5401", new BigDecimal("-12.00"));
    assertThat(lines(reversal.get(0), "credit")).containsEntry("1405", new BigDecimal("-12.00"));
  }

  JsonNode entries(String sourceKey) {
    String filter = "[{'field':'sourceKey','op':'eq','value':'" + sourceKey + "'}]";
    return admin.get(BASE + "ledger_entry/records?filter=" + URLEncoder.encode(filter.replace('\'', '"'), StandardCharsets.UTF_8)).body().get("items");
  }

  /** Account → sum of the entry's voucher lines on {@code side} (debit or credit). */
  static java.util.Map<String, BigDecimal> lines(JsonNode entry, String side) {
    java.util.Map<String, BigDecimal> sums = new java.util.TreeMap<>();
    for (JsonNode line : entry.get("data").path("lines")) {
      if (line.hasNonNull(side) && line.get(side).decimalValue().signum() != 0) {
        sums.merge(line.get("account").asString(), line.get(side).decimalValue().setScale(2), BigDecimal::add);
      }
    }
    return sums;
  }
}
