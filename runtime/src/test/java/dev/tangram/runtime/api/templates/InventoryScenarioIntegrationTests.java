package dev.tangram.runtime.api.templates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tangram.runtime.api.ApiClient;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
 * down to the reorder point raises one alert; receipts, deliveries, invoices, payments and customer
 * receipts post to the ledger once, an edit reverses the voucher and posts the document again, a
 * deletion reverses it (figures of DOMAIN cases ledger-01, -02 and -03).
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
    String order = create("purchase_order", "{'supplier':'" + supplier + "','orderDate':'2026-11-02','requisition':'" + requisition
        + "','orderStatus':'confirmed','lines':[{'item':'" + item + "','qty':100,'price':2}]}");
    assertThat(admin.get(BASE + "purchase_order/records/" + order).body().get("data").get("grandTotal").decimalValue()).isEqualByComparingTo("226");

    String receipt = create("goods_receipt", "{'purchaseOrder':'" + order + "','supplier':'" + supplier + "','warehouse':'" + warehouse
        + "','receiptDate':'2026-11-03','lines':[{'item':'" + item + "','qty':100,'unitCost':2}]}");
    assertThat(onHand(item, warehouse)).isEqualByComparingTo("100");

    String salesOrder = create("sales_order", "{'customer':'" + customer + "','orderDate':'2026-11-04','lines':[{'item':'" + item + "','qty':30,'price':5}]}");
    String delivery = create("delivery", "{'salesOrder':'" + salesOrder + "','customer':'" + customer + "','warehouse':'" + warehouse
        + "','deliveryDate':'2026-11-05','lines':[{'item':'" + item + "','qty':30}]}");
    assertThat(onHand(item, warehouse)).isEqualByComparingTo("70");

    ApiClient.Response beyond = admin.send("POST", BASE + "delivery/records", "{'data':{'warehouse':'" + warehouse
        + "','deliveryDate':'2026-11-05','lines':[{'item':'" + item + "','qty':71}]}}");
    assertThat(beyond.status()).isEqualTo(422);
    assertThat(beyond.body().toString()).contains("Not enough stock");
    assertThat(onHand(item, warehouse)).isEqualByComparingTo("70");

    ApiClient.Response edited = admin.send("PATCH", BASE + "goods_receipt/records/" + receipt,
        "{'data':{'lines':[{'item':'" + item + "','qty':90,'unitCost':2}]}}");
    assertThat(edited.status()).as(edited.body().toString()).isEqualTo(200);
    assertThat(onHand(item, warehouse)).isEqualByComparingTo("60");
    // The ledger follows (reversal and new voucher dated today, the correction day, after the
    // delivery of 11-05) although 30 of the 100 have left: the 90 @ 2.00 are received (160 on hand,
    // 320.00), then the 100 @ 2.00 taken back (60, 120.00).
    JsonNode corrected = single(reposts("goods_receipt", receipt));
    assertThat(lines(corrected, "debit", true)).isEqualTo(java.util.Map.of("1405", new BigDecimal("-200.00")));
    assertThat(lines(corrected, "debit", false)).isEqualTo(java.util.Map.of("1405", new BigDecimal("180.00")));
    assertThat(ledgerStock(code)).isEqualTo(List.of("60", "120.00"));

    assertThat(admin.send("DELETE", BASE + "delivery/records/" + delivery, null).status()).isEqualTo(204);
    assertThat(onHand(item, warehouse)).isEqualByComparingTo("90");
    assertThat(ledgerStock(code)).isEqualTo(List.of("90", "180.00"));
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
    Stock stock = stock("L", "Ledger Supplier", "Gasket");
    String code = stock.code();
    String item = stock.item();
    String warehouse = stock.warehouse();
    String receipt = receive(stock, item, 10, 3);
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

  @Test
  void anEditedReceiptOrDeliveryIsReversedAndPostedAgain() {
    // Figures of DOMAIN cases ledger-02 (moving average) and ledger-01 (receipt at 50.00).
    Stock stock = stock("E", "S2", "G1");
    String code = stock.code();
    String item = stock.item();
    String warehouse = stock.warehouse();
    receive(stock, item, 100, 10);
    receive(stock, item, 50, 13);
    String delivery = create("delivery", "{'warehouse':'" + warehouse + "','deliveryDate':'2026-11-25','lines':[{'item':'" + item + "','qty':60}]}");
    assertThat(lines(entries("delivery/" + delivery + "/post").get(0), "debit")).containsEntry("5401", new BigDecimal("660.00")); // 60 x 11.00

    // DN-101 corrected from 60 to 50: red-ink reversal of the 660.00, then 50 x 11.00 = 550.00.
    patch("delivery", delivery, "{'lines':[{'item':'" + item + "','qty':50}]}");
    JsonNode corrected = single(reposts("delivery", delivery));
    assertThat(corrected.get("data").get("outcome").asString()).isEqualTo("reposted");
    assertThat(lines(corrected, "debit", true)).isEqualTo(java.util.Map.of("5401", new BigDecimal("-660.00")));
    assertThat(lines(corrected, "credit", true)).isEqualTo(java.util.Map.of("1405", new BigDecimal("-660.00")));
    assertThat(lines(corrected, "debit", false)).isEqualTo(java.util.Map.of("5401", new BigDecimal("550.00")));
    assertThat(lines(corrected, "credit", false)).isEqualTo(java.util.Map.of("1405", new BigDecimal("550.00")));
    assertThat(onHand(item, warehouse)).isEqualByComparingTo("100");
    assertThat(ledgerStock(code)).isEqualTo(List.of("100", "1100.00")); // 1,650 - 550

    // A save that changes nothing the ledger reads posts nothing.
    patch("delivery", delivery, "{'lines':[{'item':'" + item + "','qty':50,'batch':'B-7'}]}");
    assertThat(reposts("delivery", delivery)).hasSize(1);

    // GR-001 of ledger-01: 100 @ 50.00 = 5,000.00, corrected to 120: -5,000.00 and 6,000.00.
    String item2 = create("item", "{'code':'M" + code + "','name':'M1'}");
    String receipt = receive(stock, item2, 100, 50);
    patch("goods_receipt", receipt, "{'lines':[{'item':'" + item2 + "','qty':120,'unitCost':50}]}");
    JsonNode grCorrected = single(reposts("goods_receipt", receipt));
    assertThat(lines(grCorrected, "debit", true)).isEqualTo(java.util.Map.of("1405", new BigDecimal("-5000.00")));
    assertThat(lines(grCorrected, "credit", true)).isEqualTo(java.util.Map.of("220202", new BigDecimal("-5000.00")));
    assertThat(lines(grCorrected, "debit", false)).isEqualTo(java.util.Map.of("1405", new BigDecimal("6000.00")));
    assertThat(lines(grCorrected, "credit", false)).isEqualTo(java.util.Map.of("220202", new BigDecimal("6000.00")));
    assertThat(ledgerStock("M" + code)).isEqualTo(List.of("120", "6000.00"));
    assertThat(onHand(item2, warehouse)).isEqualByComparingTo("120");

    // Deleting the corrected receipt reverses the live voucher (6,000.00), not the first one again.
    String no = admin.get(BASE + "goods_receipt/records/" + receipt).body().get("data").get("no").asString();
    assertThat(admin.send("DELETE", BASE + "goods_receipt/records/" + receipt, null).status()).isEqualTo(204);
    JsonNode cancelled = single(entries("document/" + no + "/cancel"));
    assertThat(lines(cancelled, "debit")).isEqualTo(java.util.Map.of("1405", new BigDecimal("-6000.00")));
    assertThat(ledgerStock("M" + code)).isEqualTo(List.of("0", "0.00"));
  }

  @Test
  void supplierAndCustomerInvoicesAndPaymentsPostOnceFollowEditsAndAreReversedWhenDeleted() {
    // DOMAIN case ledger-01: GR 100 @ 50.00; PI 5,000.00 + 13 % VAT 650.00 = 5,650.00; PAY 5,650.00 from the bank.
    Stock stock = stock("P", "S1", "M1");
    String code = stock.code();
    String supplier = stock.supplier();
    String item = stock.item();
    String receipt = receive(stock, item, 100, 50);
    String invoice = create("supplier_invoice", "{'fapiaoNo':'" + code.substring(1, 12) + "','supplier':'" + supplier
        + "','invoiceDate':'2026-11-25','lines':[{'receipt':'" + receipt + "','item':'" + item + "','qty':100,'price':50,'taxRate':13}]}");
    JsonNode pi = single(entries("supplier_invoice/" + invoice + "/post"));
    assertThat(lines(pi, "debit")).isEqualTo(java.util.Map.of("220202", new BigDecimal("5000.00"), "222101", new BigDecimal("650.00")));
    assertThat(lines(pi, "credit")).isEqualTo(java.util.Map.of("220201", new BigDecimal("5650.00")));
    String supplierNo = admin.get(BASE + "supplier/records/" + supplier).body().get("data").get("no").asString();
    assertThat(parties(pi)).containsEntry("220201", supplierNo).containsEntry("220202", supplierNo); // vouchers name the supplier by its number

    String payment = create("payment", "{'supplier':'" + supplier + "','paymentDate':'2026-11-26','account':'bank','amount':5650,"
        + "'invoices':[{'invoice':'" + invoice + "','amount':5650}]}");
    JsonNode pay = single(entries("payment/" + payment + "/post"));
    assertThat(lines(pay, "debit")).isEqualTo(java.util.Map.of("220201", new BigDecimal("5650.00")));
    assertThat(lines(pay, "credit")).isEqualTo(java.util.Map.of("1002", new BigDecimal("5650.00")));

    // The payment corrected: 5,000.00 paid in cash instead. Reversal of the bank payment, new voucher on 1001.
    patch("payment", payment, "{'amount':5000,'account':'cash','invoices':[{'invoice':'" + invoice + "','amount':5000}]}");
    JsonNode payCorrected = single(reposts("payment", payment));
    assertThat(lines(payCorrected, "credit", true)).isEqualTo(java.util.Map.of("1002", new BigDecimal("-5650.00")));
    assertThat(lines(payCorrected, "debit", false)).isEqualTo(java.util.Map.of("220201", new BigDecimal("5000.00")));
    assertThat(lines(payCorrected, "credit", false)).isEqualTo(java.util.Map.of("1001", new BigDecimal("5000.00")));
    assertThat(entries("payment/" + payment + "/post")).hasSize(1); // posted once

    // The invoice deleted: its voucher is reversed (red ink).
    String piNo = admin.get(BASE + "supplier_invoice/records/" + invoice).body().get("data").get("no").asString();
    assertThat(admin.send("DELETE", BASE + "supplier_invoice/records/" + invoice, null).status()).isEqualTo(204);
    JsonNode piCancelled = single(entries("document/" + piNo + "/cancel"));
    assertThat(lines(piCancelled, "credit")).isEqualTo(java.util.Map.of("220201", new BigDecimal("-5650.00")));

    // DOMAIN case ledger-02, customer side: SI 60 x 18.00 = 1,080.00 + VAT 140.40 = 1,220.40; RC 1,220.40.
    String customer = create("customer", "{'code':'C" + code + "','name':'C1 " + code + "'}");
    String si = create("customer_invoice", "{'customer':'" + customer + "','invoiceDate':'2026-11-26',"
        + "'lines':[{'item':'" + item + "','qty':60,'price':18,'taxRate':13}]}");
    JsonNode sales = single(entries("customer_invoice/" + si + "/post"));
    assertThat(lines(sales, "debit")).isEqualTo(java.util.Map.of("1122", new BigDecimal("1220.40")));
    assertThat(lines(sales, "credit")).isEqualTo(java.util.Map.of("5001", new BigDecimal("1080.00"), "222102", new BigDecimal("140.40")));
    assertThat(parties(sales)).containsEntry("1122", "C" + code);

    String rc = create("customer_receipt", "{'customer':'" + customer + "','receiptDate':'2026-11-27','account':'bank','amount':1220.40}");
    JsonNode collected = single(entries("customer_receipt/" + rc + "/post"));
    assertThat(lines(collected, "debit")).isEqualTo(java.util.Map.of("1002", new BigDecimal("1220.40")));
    assertThat(lines(collected, "credit")).isEqualTo(java.util.Map.of("1122", new BigDecimal("1220.40")));

    // The price was wrong (ledger-03's story): corrected to 20.00, 60 x 20.00 = 1,200.00 + VAT 156.00 = 1,356.00.
    patch("customer_invoice", si, "{'lines':[{'item':'" + item + "','qty':60,'price':20,'taxRate':13}]}");
    JsonNode siCorrected = single(reposts("customer_invoice", si));
    assertThat(lines(siCorrected, "debit", true)).isEqualTo(java.util.Map.of("1122", new BigDecimal("-1220.40")));
    assertThat(lines(siCorrected, "debit", false)).isEqualTo(java.util.Map.of("1122", new BigDecimal("1356.00")));
    assertThat(lines(siCorrected, "credit", false)).isEqualTo(java.util.Map.of("5001", new BigDecimal("1200.00"), "222102", new BigDecimal("156.00")));

    String rcNo = admin.get(BASE + "customer_receipt/records/" + rc).body().get("data").get("no").asString();
    assertThat(admin.send("DELETE", BASE + "customer_receipt/records/" + rc, null).status()).isEqualTo(204);
    assertThat(lines(single(entries("document/" + rcNo + "/cancel")), "debit")).isEqualTo(java.util.Map.of("1002", new BigDecimal("-1220.40")));
  }

  void patch(String form, String id, String data) {
    ApiClient.Response r = admin.send("PATCH", BASE + form + "/records/" + id, "{'data':" + data + "}");
    assertThat(r.status()).as(form + ": " + r.body()).isEqualTo(200);
  }

  JsonNode reposts(String form, String id) {
    String filter = "[{'field':'sourceKey','op':'startsWith','value':'" + form + "/" + id + "/repost/'}]";
    return admin.get(BASE + "ledger_entry/records?filter=" + URLEncoder.encode(filter.replace('\'', '"'), StandardCharsets.UTF_8)).body().get("items");
  }

  static JsonNode single(JsonNode items) {
    assertThat(items).hasSize(1);
    return items.get(0);
  }

  /** Quantity and value the ledger's stock ledger holds for the item (code) in any warehouse. */
  List<String> ledgerStock(String itemCode) {
    ApiClient.Response r = admin.send("POST", "/api/v1/apps/inventory/plugins/ledger/report", "{'report':'stock'}");
    assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
    JsonNode stock = r.body().has("stock") ? r.body().get("stock") : r.body().path("output").path("stock");
    List<String> found = new java.util.ArrayList<>();
    stock.properties().forEach(e -> {
      if (e.getKey().startsWith(itemCode + "@")) {
        found.add(e.getValue().get("qty").decimalValue().stripTrailingZeros().toPlainString());
        found.add(e.getValue().get("value").decimalValue().setScale(2).toPlainString());
      }
    });
    assertThat(found).as(stock.toString()).hasSize(2);
    return found;
  }

  /** Account → party of the entry's lines that name one. */
  static java.util.Map<String, String> parties(JsonNode entry) {
    java.util.Map<String, String> parties = new java.util.TreeMap<>();
    for (JsonNode line : entry.get("data").path("lines")) {
      if (line.hasNonNull("party")) {
        parties.put(line.get("account").asString(), line.get("party").asString());
      }
    }
    return parties;
  }

  /** As {@link #lines(JsonNode, String)}, of the reversal vouchers only or of the others only. */
  static java.util.Map<String, BigDecimal> lines(JsonNode entry, String side, boolean reversals) {
    java.util.Map<String, BigDecimal> sums = new java.util.TreeMap<>();
    for (JsonNode line : entry.get("data").path("lines")) {
      if (line.hasNonNull("reversalOf") == reversals && line.hasNonNull(side) && line.get(side).decimalValue().signum() != 0) {
        sums.merge(line.get("account").asString(), line.get(side).decimalValue().setScale(2), BigDecimal::add);
      }
    }
    return sums;
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

  /** A supplier, an item and a warehouse of one test's own, named after a fresh code starting with {@code prefix}. */
  private record Stock(String code, String supplier, String item, String warehouse) {}

  private Stock stock(String prefix, String supplierName, String itemName) {
    String code = prefix + System.nanoTime();
    String supplier = create("supplier", "{'name':'" + supplierName + " " + code + "'}");
    String item = create("item", "{'code':'" + code + "','name':'" + itemName + "'}");
    String warehouse = create("warehouse", "{'code':'" + prefix + code.substring(1, 10) + "','name':'" + prefix + "'}");
    return new Stock(code, supplier, item, warehouse);
  }

  /** A goods receipt from the stock's supplier into its warehouse, dated 2026-11-24. */
  private String receive(Stock stock, String item, int qty, int unitCost) {
    return create("goods_receipt", "{'supplier':'" + stock.supplier() + "','warehouse':'" + stock.warehouse()
        + "','receiptDate':'2026-11-24','lines':[{'item':'" + item + "','qty':" + qty + ",'unitCost':" + unitCost + "}]}");
  }
}
