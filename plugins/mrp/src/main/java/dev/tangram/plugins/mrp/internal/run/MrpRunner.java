package dev.tangram.plugins.mrp.internal.run;

import dev.tangram.engine.common.TangramException;
import dev.tangram.engine.plugins.PluginActionException;
import dev.tangram.engine.records.AppRecords;
import dev.tangram.engine.records.Record;
import dev.tangram.engine.records.RecordQuery.Filter;
import dev.tangram.plugins.mrp.ConfirmInput;
import dev.tangram.plugins.mrp.ConfirmResult;
import dev.tangram.plugins.mrp.MrpInputException;
import dev.tangram.plugins.mrp.PlannedOrder;
import dev.tangram.plugins.mrp.PlannedOrderType;
import dev.tangram.plugins.mrp.PlanningInput;
import dev.tangram.plugins.mrp.PlanningResult;
import dev.tangram.plugins.mrp.RunInput;
import dev.tangram.plugins.mrp.RunResult;
import dev.tangram.plugins.mrp.internal.PlanningRun;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code run} and {@code confirm} actions on the inventory app's records. A run marks its
 * {@code mrp_run} record running, reads the records into a planning input, plans with the same core
 * as {@code plan}, and only when that succeeded replaces the unconfirmed planned orders of earlier
 * runs and writes its own into its record, with progress on the way and the outcome (status,
 * counts, errors) at the end. Confirmed planned orders, purchase orders, sales orders and every
 * other document are only read.
 */
public final class MrpRunner {

  static final String RUN_FORM = "mrp_run";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private final Clock clock;

  public MrpRunner(Clock clock) {
    this.clock = clock;
  }

  public RunResult run(AppRecords records, RunInput in) {
    Record run = start(records, in);
    JsonNode settings = run.data();
    try {
      ObjectNode calendar = NODES.objectNode()
          .put("bucket", text(settings, "bucket", "week"))
          .put("periods", settings.path("periods").asInt(8))
          .put("period1Start", text(settings, "runDate", LocalDate.now(clock).toString()));
      String warehouse = InventoryPlanningInput.text(settings, "warehouse");
      var built = new InventoryPlanningInput(records).build(calendar, warehouse, settings.path("useSafetyStock").asBoolean(true));
      progress(records, run, 40, null);
      PlanningInput input = MAPPER.treeToValue(built.input(), PlanningInput.class);
      PlanningResult result = PlanningRun.plan(input);
      progress(records, run, 70, null);
      int replaced = replaceUnconfirmed(records, run.id());
      ArrayNode rows = NODES.arrayNode();
      int purchase = 0;
      int production = 0;
      int pastDue = 0;
      for (PlannedOrder order : result.plannedOrders()) {
        rows.add(row(order, built));
        if (order.type() == PlannedOrderType.PURCHASE) purchase++;
        else production++;
        if (order.pastDue()) pastDue++;
      }
      String summary = "%d purchase, %d production planned orders (%d past due); %d unconfirmed planned orders of earlier runs replaced"
          .formatted(purchase, production, pastDue, replaced);
      records.update(RUN_FORM, run.id(), NODES.objectNode().put("runStatus", "done").put("progress", 100)
          .put("message", summary).set("plannedOrders", rows));
      return new RunResult(run.id(), "done", purchase, production, pastDue, replaced, List.of());
    } catch (MrpInputException e) {
      return fail(records, run, e.code() + (e.field() == null ? "" : " " + e.field()) + ": " + e.getMessage());
    } catch (TangramException | PluginActionException | IllegalArgumentException e) {
      return fail(records, run, e.getMessage());
    } catch (tools.jackson.core.JacksonException e) {
      return fail(records, run, "INVALID_PLANNING_DATA: " + e.getOriginalMessage());
    }
  }

  /**
   * Turns one planned order into a purchase requisition (purchase) or a work order (production),
   * once: a repeat returns the document the first call made. The row is marked confirmed, so later
   * runs keep it.
   */
  public ConfirmResult confirm(AppRecords records, ConfirmInput in) {
    Record run = records.get(RUN_FORM, in.runId()).orElseThrow(() ->
        new PluginActionException("UNKNOWN_RUN", "runId", "There is no MRP run '" + in.runId() + "'"));
    JsonNode rows = run.data().path("plannedOrders");
    if (in.row() < 0 || in.row() >= rows.size()) {
      throw new PluginActionException("UNKNOWN_PLANNED_ORDER", "row",
          "MRP run " + in.runId() + " has no planned order " + in.row() + " (it has " + rows.size() + ")");
    }
    JsonNode order = rows.get(in.row());
    boolean purchase = "purchase".equals(InventoryPlanningInput.text(order, "orderType"));
    String form = purchase ? "purchase_requisition" : "work_order";
    ObjectNode data = NODES.objectNode();
    if (purchase) {
      data.put("source", "mrp").put("mrpRun", run.id()).put("reason", "MRP " + text(run.data(), "no", run.id()));
      ObjectNode line = data.putArray("lines").addObject();
      line.set("item", order.get("item"));
      line.set("qty", order.get("qty"));
      if (order.hasNonNull("dueDate")) line.set("neededBy", order.get("dueDate"));
      if (order.hasNonNull("supplier")) line.set("supplier", order.get("supplier"));
    } else {
      data.set("item", order.get("item"));
      data.set("qty", order.get("qty"));
      for (String key : List.of("bom", "dueDate", "releaseDate")) if (order.hasNonNull(key)) data.set(key, order.get(key));
      data.put("mrpRun", run.id());
    }
    String key = "mrp-confirm/" + run.id() + "/" + in.row();
    boolean already = order.path("confirmed").asBoolean(false);
    Record made = records.create(form, data, key);
    if (!already) {
      ArrayNode updated = ((ArrayNode) rows).deepCopy();
      ((ObjectNode) updated.get(in.row())).put("confirmed", true);
      records.update(RUN_FORM, run.id(), NODES.objectNode().set("plannedOrders", updated));
    }
    return new ConfirmResult(form, made.id(), already);
  }

  private Record start(AppRecords records, RunInput in) {
    ObjectNode patch = NODES.objectNode().put("runStatus", "running").put("progress", 0).put("message", "");
    if (in.runDate() != null) patch.put("runDate", in.runDate());
    if (in.bucket() != null) patch.put("bucket", in.bucket());
    if (in.periods() != null) patch.put("periods", in.periods());
    if (in.warehouse() != null) patch.put("warehouse", in.warehouse());
    if (in.useSafetyStock() != null) patch.put("useSafetyStock", in.useSafetyStock());
    if (in.runId() == null) {
      if (!patch.has("runDate")) patch.put("runDate", LocalDate.now(clock).toString());
      return records.create(RUN_FORM, patch, null);
    }
    Record existing = records.get(RUN_FORM, in.runId()).orElseThrow(() ->
        new PluginActionException("UNKNOWN_RUN", "runId", "There is no MRP run '" + in.runId() + "'"));
    if ("running".equals(InventoryPlanningInput.text(existing.data(), "runStatus"))) {
      throw new PluginActionException("RUN_IN_PROGRESS", "runId", "MRP run " + in.runId() + " is already running");
    }
    return records.update(RUN_FORM, existing.id(), patch);
  }

  /** Earlier runs keep their confirmed planned orders only; returns how many unconfirmed ones went. */
  private static int replaceUnconfirmed(AppRecords records, String currentRun) {
    int replaced = 0;
    List<Filter> done = List.of(new Filter("runStatus", "eq", NODES.stringNode("done")));
    for (Record earlier : RecordPages.all(records, RUN_FORM, done)) {
      if (earlier.id().equals(currentRun)) continue;
      ArrayNode kept = NODES.arrayNode();
      int before = earlier.data().path("plannedOrders").size();
      for (JsonNode row : earlier.data().path("plannedOrders")) if (row.path("confirmed").asBoolean(false)) kept.add(row);
      if (kept.size() == before) continue;
      records.update(RUN_FORM, earlier.id(), NODES.objectNode().set("plannedOrders", kept));
      replaced += before - kept.size();
    }
    return replaced;
  }

  private static ObjectNode row(PlannedOrder order, InventoryPlanningInput.Built built) {
    ObjectNode row = NODES.objectNode().put("item", built.itemIdByCode().get(order.item()))
        .put("orderType", order.type() == PlannedOrderType.PURCHASE ? "purchase" : "production")
        .put("qty", order.orderQty()).put("goodQty", order.receiptQty())
        .put("dueDate", order.dueDate().toString()).put("releaseDate", order.releaseDate().toString())
        .put("pastDue", order.pastDue()).put("confirmed", false);
    String link = order.type() == PlannedOrderType.PURCHASE ? built.supplierIdByCode().get(order.item()) : built.bomIdByCode().get(order.item());
    if (link != null) row.put(order.type() == PlannedOrderType.PURCHASE ? "supplier" : "bom", link);
    return row;
  }

  private static void progress(AppRecords records, Record run, int percent, String message) {
    ObjectNode patch = NODES.objectNode().put("progress", percent);
    if (message != null) patch.put("message", message);
    records.update(RUN_FORM, run.id(), patch);
  }

  private static RunResult fail(AppRecords records, Record run, String error) {
    records.update(RUN_FORM, run.id(), NODES.objectNode().put("runStatus", "failed").put("message", error));
    return new RunResult(run.id(), "failed", 0, 0, 0, 0, List.of(error));
  }

  private static String text(JsonNode node, String key, String fallback) {
    String value = InventoryPlanningInput.text(node, key);
    return value == null ? fallback : value;
  }
}
