package dev.tangram.plugins.mrp.internal.run;

import dev.tangram.engine.records.AppRecords;
import dev.tangram.engine.records.Record;
import dev.tangram.engine.records.RecordQuery.Filter;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the {@code plan} input from the Purchasing & Inventory app's records: {@code item}
 * (planning data), {@code bom}, {@code stock_balance} (on hand and allocated, summed over the
 * warehouses in scope), {@code purchase_order} lines (open qty of confirmed / partially received
 * orders), {@code sales_order} lines (open qty of confirmed / partially delivered orders) and
 * {@code forecast}. Status filtering and past-due handling are the planning core's (conventions
 * 10 and 11). Records are read in a fixed order (items and documents by their code / number), so the
 * same records give the same input.
 */
final class InventoryPlanningInput {

  /** The input and the item record ids by item code (planned orders point at item records). */
  record Built(ObjectNode input, Map<String, String> itemIdByCode, Map<String, String> bomIdByCode,
      Map<String, String> supplierIdByCode) {}

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final AppRecords records;
  private final Map<String, String> codeById = new HashMap<>();
  private final Map<String, String> itemIdByCode = new LinkedHashMap<>();
  private final Map<String, String> bomIdByCode = new HashMap<>();
  private final Map<String, String> supplierIdByCode = new HashMap<>();

  InventoryPlanningInput(AppRecords records) {
    this.records = records;
  }

  Built build(ObjectNode calendar, @Nullable String warehouse, boolean useSafetyStock) {
    ObjectNode input = NODES.objectNode();
    input.set("calendar", calendar);
    List<Record> items = sorted(RecordPages.all(records, "item", List.of()), "code");
    Map<String, BigDecimal[]> stock = stock(warehouse);
    ArrayNode itemNodes = input.putArray("items");
    for (Record item : items) {
      String code = text(item.data(), "code");
      if (code == null) continue;
      codeById.put(item.id(), code);
      itemIdByCode.put(code, item.id());
      String supplier = text(item.data(), "defaultSupplier");
      if (supplier != null) supplierIdByCode.put(code, supplier);
      BigDecimal[] onHand = stock.getOrDefault(item.id(), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      itemNodes.add(item(item.data(), code, onHand, useSafetyStock));
    }
    ArrayNode boms = input.putArray("boms");
    for (Record bom : sorted(RecordPages.all(records, "bom", List.of()), "version")) {
      String parent = codeById.get(text(bom.data(), "item"));
      if (parent == null) continue;
      if (!bom.data().path("active").asBoolean(true)) continue;
      bomIdByCode.putIfAbsent(parent, bom.id());
      ObjectNode node = boms.addObject().put("parent", parent).put("active", true);
      copy(bom.data(), "outputQty", node, "outputQty");
      ArrayNode components = node.putArray("components");
      for (JsonNode line : bom.data().path("lines")) {
        ObjectNode c = components.addObject().put("item", itemCode(text(line, "component")));
        copy(line, "qty", c, "qtyPer");
        copy(line, "scrapPct", c, "scrapPct");
      }
    }
    openOrders(input.putArray("openOrders"));
    salesOrders(input.putArray("salesOrders"));
    forecasts(input.putArray("forecasts"), warehouse);
    return new Built(input, itemIdByCode, bomIdByCode, supplierIdByCode);
  }

  private ObjectNode item(JsonNode d, String code, BigDecimal[] onHand, boolean useSafetyStock) {
    ObjectNode node = NODES.objectNode().put("code", code);
    copy(d, "name", node, "name");
    String source = text(d, "source");
    String type = text(d, "itemType");
    node.put("type", source != null ? source : "finished".equals(type) || "semi".equals(type) ? "make" : "buy");
    node.put("leadTime", d.path("leadTime").asInt(0));
    node.put("onHand", onHand[0]);
    node.put("allocated", onHand[1]);
    if (useSafetyStock) copy(d, "safetyStock", node, "safetyStock");
    ObjectNode lot = node.putObject("lotSizing").put("rule", text(d, "lotRule") == null ? "L4L" : text(d, "lotRule"));
    copy(d, "lotQty", lot, "qty");
    copy(d, "minOrderQty", lot, "min");
    copy(d, "orderMultiple", lot, "multiple");
    copy(d, "yieldPct", node, "yield");
    ObjectNode uom = node.putObject("uom");
    copy(d, "unit", uom, "code");
    copy(d, "unitPrecision", uom, "precision");
    return node;
  }

  /** On hand and allocated per item id, over the warehouse in scope (all when none). */
  private Map<String, BigDecimal[]> stock(@Nullable String warehouse) {
    List<Filter> filters = warehouse == null ? List.of() : List.of(new Filter("warehouse", "eq", NODES.stringNode(warehouse)));
    Map<String, BigDecimal[]> out = new HashMap<>();
    for (Record balance : RecordPages.all(records, "stock_balance", filters)) {
      String item = text(balance.data(), "item");
      if (item == null) continue;
      BigDecimal[] sum = out.computeIfAbsent(item, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      sum[0] = sum[0].add(decimal(balance.data(), "onHand"));
      sum[1] = sum[1].add(decimal(balance.data(), "allocated"));
    }
    return out;
  }

  private void openOrders(ArrayNode out) {
    for (Record po : sorted(RecordPages.all(records, "purchase_order", List.of()), "no")) {
      String status = text(po.data(), "orderStatus");
      for (JsonNode line : po.data().path("lines")) {
        ObjectNode node = out.addObject().put("no", no(po)).put("kind", "purchase").put("item", itemCode(text(line, "item")))
            .put("status", status == null ? "draft" : status);
        copy(line, "qty", node, "qty");
        copy(line, "receivedQty", node, "received");
        copyDate(line, "dueDate", po.data(), "orderDate", node);
      }
    }
  }

  private void salesOrders(ArrayNode out) {
    for (Record so : sorted(RecordPages.all(records, "sales_order", List.of()), "no")) {
      String status = text(so.data(), "orderStatus");
      for (JsonNode line : so.data().path("lines")) {
        ObjectNode node = out.addObject().put("no", no(so)).put("item", itemCode(text(line, "item")))
            .put("status", status == null ? "draft" : status);
        copy(line, "qty", node, "qty");
        copy(line, "deliveredQty", node, "delivered");
        copyDate(line, "deliveryDate", so.data(), "orderDate", node);
      }
    }
  }

  private void forecasts(ArrayNode out, @Nullable String warehouse) {
    List<Record> all = RecordPages.all(records, "forecast", List.of());
    all.sort(Comparator.comparing((Record r) -> String.valueOf(text(r.data(), "periodStart"))).thenComparing(Record::id));
    for (Record f : all) {
      if (warehouse != null && text(f.data(), "warehouse") != null && !warehouse.equals(text(f.data(), "warehouse"))) continue;
      ObjectNode node = out.addObject().put("item", itemCode(text(f.data(), "item")));
      copy(f.data(), "periodStart", node, "date");
      copy(f.data(), "qty", node, "qty");
    }
  }

  /** An item reference as the plan names it: the item's code, or the id itself when unknown (refused by the core, named). */
  private String itemCode(@Nullable String id) {
    return id == null ? "" : codeById.getOrDefault(id, id);
  }

  private static String no(Record r) {
    String no = text(r.data(), "no");
    return no != null ? no : r.id();
  }

  private static List<Record> sorted(List<Record> list, String key) {
    List<Record> copy = new java.util.ArrayList<>(list);
    copy.sort(Comparator.comparing((Record r) -> String.valueOf(text(r.data(), key))).thenComparing(Record::id));
    return copy;
  }

  private static void copy(JsonNode from, String key, ObjectNode to, String target) {
    JsonNode value = from.get(key);
    if (value != null && !value.isNull()) to.set(target, value);
  }

  private static void copyDate(JsonNode line, String lineKey, JsonNode doc, String docKey, ObjectNode to) {
    JsonNode date = line.hasNonNull(lineKey) ? line.get(lineKey) : doc.get(docKey);
    if (date != null && !date.isNull()) to.set("dueDate", date);
  }

  private static BigDecimal decimal(JsonNode node, String key) {
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? BigDecimal.ZERO : value.decimalValue();
  }

  static @Nullable String text(JsonNode node, String key) {
    JsonNode value = node.get(key);
    return value == null || value.isNull() || !value.isString() || value.asString().isBlank() ? null : value.asString();
  }
}
