package dev.tangram.plugins.mrp;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything one MRP run plans from: the bucket calendar, item planning data, bills of material,
 * independent demand and firm supply. Absent lists mean "none".
 *
 * @param calendar          buckets of the run
 * @param items             item planning data; codes are unique
 * @param boms              bills of material; only active ones are exploded
 * @param independentDemand firm demand per period or date, summed as given
 * @param salesOrders       sales-order lines; open quantity of confirmed / partially delivered ones
 * @param forecasts         forecasts per period or date, consumed by open sales orders in the bucket
 * @param scheduledReceipts firm supply per period or date (e.g. open shop orders)
 * @param openOrders        open purchase and work orders; only confirmed / released ones are supply
 */
public record PlanningInput(
    PlanningCalendar calendar,
    List<PlanningItem> items,
    List<Bom> boms,
    List<PeriodQuantity> independentDemand,
    List<SalesOrder> salesOrders,
    List<PeriodQuantity> forecasts,
    List<PeriodQuantity> scheduledReceipts,
    List<OpenOrder> openOrders) {

  public PlanningInput {
    items = orEmpty(items);
    boms = orEmpty(boms);
    independentDemand = orEmpty(independentDemand);
    salesOrders = orEmpty(salesOrders);
    forecasts = orEmpty(forecasts);
    scheduledReceipts = orEmpty(scheduledReceipts);
    openOrders = orEmpty(openOrders);
  }

  private static <T> List<T> orEmpty(@Nullable List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
