package dev.tangram.plugins.mrp;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.List;

/**
 * The classic MRP grid of one item: one value per period, period 1 first.
 *
 * @param grossRequirements    independent plus dependent demand
 * @param scheduledReceipts    firm supply (open orders), never moved by MRP
 * @param projectedOnHand      balance at the end of each period
 * @param netRequirements      shortage against safety stock
 * @param plannedOrderReceipts good quantity planned to arrive
 * @param plannedOrderReleases order (start) quantity to release, by release period
 * @param pastDueReleases      releases the lead time puts before period 1, kept here instead of in
 *                             {@code plannedOrderReleases} (omitted when none)
 */
@JsonPropertyOrder({
  "grossRequirements", "scheduledReceipts", "projectedOnHand", "netRequirements",
  "plannedOrderReceipts", "plannedOrderReleases", "pastDueReleases"
})
public record ItemRecord(
    List<BigDecimal> grossRequirements,
    List<BigDecimal> scheduledReceipts,
    List<BigDecimal> projectedOnHand,
    List<BigDecimal> netRequirements,
    List<BigDecimal> plannedOrderReceipts,
    List<BigDecimal> plannedOrderReleases,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PlannedOrder> pastDueReleases) {}
