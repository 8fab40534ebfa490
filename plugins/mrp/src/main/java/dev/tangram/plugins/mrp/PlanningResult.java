package dev.tangram.plugins.mrp;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one MRP run. Maps and lists keep the order of the input items.
 *
 * @param lowLevelCodes   item code to low-level code (deepest BOM level; end items 0)
 * @param records         item code to its time-phased record
 * @param plannedOrders   every planned order, past-due ones included, by item then receipt period
 * @param pastDueReleases the planned orders whose release falls before period 1 (omitted when none)
 */
@JsonPropertyOrder({"lowLevelCodes", "records", "plannedOrders", "pastDueReleases"})
public record PlanningResult(
    Map<String, Integer> lowLevelCodes,
    Map<String, ItemRecord> records,
    List<PlannedOrder> plannedOrders,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PlannedOrder> pastDueReleases) {}
