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
 * a delivery beyond stock is refused; an edited receipt moves stock by the difference.
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
}
