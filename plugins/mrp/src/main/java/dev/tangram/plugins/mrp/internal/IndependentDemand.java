package dev.tangram.plugins.mrp.internal;

import dev.tangram.plugins.mrp.PeriodQuantity;
import dev.tangram.plugins.mrp.PlanningInput;
import dev.tangram.plugins.mrp.SalesOrder;
import java.math.BigDecimal;
import java.util.List;

/**
 * Gross requirements from outside the BOMs: independent demand lines as given, plus per item and
 * period the larger of forecast and open sales orders (the orders consume the forecast of their
 * bucket, so the same customer demand is not counted twice).
 */
final class IndependentDemand {

  private IndependentDemand() {}

  static PeriodGrid collect(PlanningInput input, ItemIndex items, BucketCalendar calendar) {
    PeriodGrid gross = new PeriodGrid(items.size(), calendar.periods());
    addLines(gross, input.independentDemand(), "independentDemand", items, calendar);
    PeriodGrid forecast = new PeriodGrid(items.size(), calendar.periods());
    addLines(forecast, input.forecasts(), "forecasts", items, calendar);
    PeriodGrid ordered = openSalesOrders(input.salesOrders(), items, calendar);
    for (int item = 0; item < items.size(); item++) {
      if (forecast.isEmpty(item) && ordered.isEmpty(item)) {
        continue;
      }
      for (int p = 1; p <= calendar.periods(); p++) {
        BigDecimal consumed = forecast.get(item, p).max(ordered.get(item, p));
        if (consumed.signum() > 0) {
          gross.add(item, p, consumed);
        }
      }
    }
    return gross;
  }

  /** Adds lines placed by period or date; lines after the horizon are not planned. */
  static void addLines(
      PeriodGrid grid, List<PeriodQuantity> lines, String list, ItemIndex items, BucketCalendar calendar) {
    for (int i = 0; i < lines.size(); i++) {
      PeriodQuantity line = lines.get(i);
      String field = list + "[" + i + "]";
      int item = items.indexOf(line.item(), field + ".item");
      Checks.present(line.qty(), field + ".qty", "The quantity");
      Checks.notNegative(line.qty(), field + ".qty", "The quantity of " + field);
      int period = line.period() != null
          ? calendar.clamp(line.period())
          : calendar.periodOf(Checks.present(line.date(), field + ".period", "Its period or date"));
      if (period != BucketCalendar.BEYOND_HORIZON) {
        grid.add(item, period, line.qty());
      }
    }
  }

  private static PeriodGrid openSalesOrders(List<SalesOrder> orders, ItemIndex items, BucketCalendar calendar) {
    PeriodGrid open = new PeriodGrid(items.size(), calendar.periods());
    for (int i = 0; i < orders.size(); i++) {
      SalesOrder order = orders.get(i);
      String field = "salesOrders[" + i + "]";
      int item = items.indexOf(order.item(), field + ".item");
      Checks.notNegative(Checks.present(order.qty(), field + ".qty", "The ordered quantity"), field + ".qty",
          "The ordered quantity of " + field);
      Checks.notNegative(order.delivered(), field + ".delivered", "The delivered quantity of " + field);
      if (!order.isOpenDemand() || order.openQty().signum() == 0) {
        continue;
      }
      int period = order.period() != null
          ? calendar.clamp(order.period())
          : calendar.periodOf(Checks.present(order.dueDate(), field + ".dueDate", "Its due date"));
      if (period != BucketCalendar.BEYOND_HORIZON) {
        open.add(item, period, order.openQty());
      }
    }
    return open;
  }
}
