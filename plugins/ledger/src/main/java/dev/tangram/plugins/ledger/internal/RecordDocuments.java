package dev.tangram.plugins.ledger.internal;

import dev.tangram.engine.records.AppRecords;
import dev.tangram.engine.records.Record;
import dev.tangram.plugins.ledger.LedgerEvent;
import dev.tangram.plugins.ledger.LedgerRefusedException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a business record of the app (goods receipt, delivery, invoice, payment, expense claim…)
 * as the ledger document its posting rule expects. Which rule: the form key (table below) unless
 * the caller names one. Field names are those of the shipped templates, with the ledger's own names
 * accepted as well; relations to parties, items, warehouses and other documents are read as the
 * related record's {@code no}, {@code code} or {@code name}, so vouchers name things as people do.
 */
final class RecordDocuments {

  private static final Map<String, String> DOC_BY_FORM = Map.ofEntries(
      Map.entry("purchase_order", "purchaseOrder"), Map.entry("purchase_requisition", "purchaseRequisition"),
      Map.entry("sales_order", "salesOrder"), Map.entry("goods_receipt", "goodsReceipt"),
      Map.entry("supplier_invoice", "supplierInvoice"), Map.entry("payment", "payment"),
      Map.entry("supplier_payment", "payment"), Map.entry("delivery", "delivery"),
      Map.entry("customer_invoice", "customerInvoice"), Map.entry("customer_receipt", "customerReceipt"),
      Map.entry("receipt", "customerReceipt"), Map.entry("expense_claim", "expenseClaim"),
      Map.entry("expense", "expenseClaim"), Map.entry("employee_advance", "employeeAdvance"),
      Map.entry("advance", "employeeAdvance"), Map.entry("stock_transfer", "stockTransfer"),
      Map.entry("stock_count", "stockCount"), Map.entry("journal", "journal"), Map.entry("cost_allocation", "costAllocation"));

  /** Ledger field ← the record fields that may carry it, first present wins. */
  private static final Map<String, List<String>> ALIASES = Map.ofEntries(
      Map.entry("date", List.of("date", "receiptDate", "deliveryDate", "invoiceDate", "paymentDate", "transferDate",
          "countDate", "claimDate", "orderDate", "postingDate")),
      Map.entry("supplier", List.of("supplier")), Map.entry("customer", List.of("customer")),
      Map.entry("employee", List.of("employee", "claimant", "applicant", "requester")),
      Map.entry("dept", List.of("dept", "department")), Map.entry("po", List.of("po", "purchaseOrder")),
      Map.entry("receipt", List.of("receipt", "goodsReceipt")), Map.entry("invoice", List.of("invoice", "supplierInvoice", "customerInvoice")),
      Map.entry("delivery", List.of("delivery")), Map.entry("advance", List.of("advance", "employeeAdvance")),
      Map.entry("warehouse", List.of("warehouse")), Map.entry("fromWarehouse", List.of("fromWarehouse")),
      Map.entry("toWarehouse", List.of("toWarehouse")), Map.entry("amount", List.of("amount", "grandTotal", "total")),
      Map.entry("bankAccount", List.of("bankAccount")), Map.entry("paidFrom", List.of("paidFrom")),
      Map.entry("prepayment", List.of("prepayment")), Map.entry("period", List.of("period")));

  private static final Map<String, List<String>> LINE_ALIASES = Map.ofEntries(
      Map.entry("item", List.of("item")), Map.entry("warehouse", List.of("warehouse")), Map.entry("qty", List.of("qty")),
      Map.entry("unitCost", List.of("unitCost")), Map.entry("price", List.of("price")),
      Map.entry("vatRate", List.of("vatRate", "taxRate")), Map.entry("amount", List.of("amount")),
      Map.entry("vat", List.of("vat", "tax")), Map.entry("category", List.of("category")),
      Map.entry("desc", List.of("desc", "description")), Map.entry("account", List.of("account")),
      Map.entry("debit", List.of("debit")), Map.entry("credit", List.of("credit")), Map.entry("party", List.of("party")),
      Map.entry("dept", List.of("dept", "department")), Map.entry("project", List.of("project")),
      Map.entry("countedQty", List.of("countedQty")), Map.entry("summary", List.of("summary")));

  /** Relations are followed to these forms to find the name a voucher uses. */
  private static final Map<String, String> RELATION_FORM = Map.ofEntries(
      Map.entry("supplier", "supplier"), Map.entry("customer", "customer"), Map.entry("item", "item"),
      Map.entry("warehouse", "warehouse"), Map.entry("fromWarehouse", "warehouse"), Map.entry("toWarehouse", "warehouse"),
      Map.entry("po", "purchase_order"), Map.entry("receipt", "goods_receipt"), Map.entry("delivery", "delivery"),
      Map.entry("advance", "employee_advance"));

  private static final Pattern RECORD_ID = Pattern.compile("[0-9a-f]{24}");

  private final AppRecords records;
  private final Map<String, String> names = new HashMap<>();

  RecordDocuments(AppRecords records) {
    this.records = records;
  }

  /** The document type posted for records of {@code form}, when the form is one the ledger knows. */
  static Optional<String> documentTypeOf(String form) {
    return Optional.ofNullable(DOC_BY_FORM.get(form));
  }

  /** The record's document number: its {@code no} (a serial), else {@code form-id}. */
  static String numberOf(Record record) {
    JsonNode no = record.data().get("no");
    return no != null && no.isString() && !no.asString().isBlank() ? no.asString() : record.form() + "-" + record.id();
  }

  /**
   * The ledger document for {@code record}, read as {@code doc}; values of {@code given} (the
   * caller's own mapping) win over what is read from the record.
   */
  ObjectNode read(Record record, String doc, @Nullable ObjectNode given) {
    ObjectNode event = LedgerJson.MAPPER.createObjectNode();
    event.put("doc", doc);
    event.put("no", numberOf(record));
    JsonNode data = record.data();
    ALIASES.forEach((target, sources) -> copy(data, sources, event, target));
    if (!event.has("date")) event.put("date", record.createdAt().toString().substring(0, 10));
    if (data.get("lines") instanceof tools.jackson.databind.node.ArrayNode rows) {
      var lines = event.putArray("lines");
      for (JsonNode row : rows) {
        ObjectNode line = lines.addObject();
        LINE_ALIASES.forEach((target, sources) -> copy(row, sources, line, target));
        normaliseRate(line);
      }
    }
    if (given != null) event.setAll(given);
    return event;
  }

  private void copy(JsonNode from, List<String> sources, ObjectNode to, String target) {
    for (String source : sources) {
      JsonNode value = from.get(source);
      if (value == null || value.isNull() || (value.isString() && value.asString().isBlank())) continue;
      String form = RELATION_FORM.get(target);
      if (form != null && value.isString() && RECORD_ID.matcher(value.asString()).matches()) {
        to.put(target, nameOf(form, value.asString()));
      } else {
        to.set(target, value);
      }
      return;
    }
  }

  /** A tax rate typed as a percentage (13) is the fraction 0.13. */
  private static void normaliseRate(ObjectNode line) {
    JsonNode rate = line.get("vatRate");
    if (rate != null && rate.isNumber() && rate.decimalValue().compareTo(BigDecimal.ONE) > 0) {
      line.put("vatRate", rate.decimalValue().divide(BigDecimal.valueOf(100), 6, RoundingMode.UNNECESSARY).stripTrailingZeros());
    }
  }

  private String nameOf(String form, String id) {
    return names.computeIfAbsent(form + "/" + id, k -> records.get(form, id).map(r -> {
      for (String key : List.of("no", "code", "name")) {
        JsonNode v = r.data().get(key);
        if (v != null && v.isString() && !v.asString().isBlank()) return v.asString();
      }
      return id;
    }).orElse(id));
  }

  /** Binds the read document; a value of the wrong type is the caller's mistake, named. */
  static LedgerEvent bind(ObjectNode event) {
    try {
      return LedgerJson.MAPPER.treeToValue(event, LedgerEvent.class);
    } catch (RuntimeException e) {
      throw new LedgerRefusedException("invalid_document", "event", "The record cannot be read as a ledger document: " + e.getMessage());
    }
  }
}
