package dev.tangram.plugins.mrp.internal;

import dev.tangram.plugins.mrp.PlannedOrder;
import java.math.BigDecimal;
import java.util.List;

/**
 * The time-phased record of one item after netting; arrays hold period 1 at index 0.
 * {@code plannedOrders} include past-due ones, whose release is not in {@code releases}.
 */
record NettedItem(
    BigDecimal[] gross,
    BigDecimal[] scheduled,
    BigDecimal[] projectedOnHand,
    BigDecimal[] net,
    BigDecimal[] receipts,
    BigDecimal[] releases,
    List<PlannedOrder> plannedOrders) {}
