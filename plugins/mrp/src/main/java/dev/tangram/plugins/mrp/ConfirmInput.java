package dev.tangram.plugins.mrp;

/**
 * Input of {@code confirm}: the planned order at {@code row} (0-based) of the {@code mrp_run}
 * record {@code runId}'s {@code plannedOrders}.
 */
public record ConfirmInput(String runId, int row) {}
