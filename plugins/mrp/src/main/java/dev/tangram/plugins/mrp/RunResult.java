package dev.tangram.plugins.mrp;

import java.util.List;

/**
 * What a {@code run} did: the {@code mrp_run} record it wrote, its status ({@code done} or
 * {@code failed}), how many planned orders of each type it wrote, how many unconfirmed planned
 * orders of earlier runs it replaced, and the errors (code and message) of a failed run.
 */
public record RunResult(
    String runId, String status, int purchaseOrders, int productionOrders, int pastDue, int replaced,
    List<String> errors) {}
