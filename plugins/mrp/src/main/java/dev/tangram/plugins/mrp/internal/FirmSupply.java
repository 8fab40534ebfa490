package dev.tangram.plugins.mrp.internal;

import dev.tangram.plugins.mrp.OpenOrder;
import dev.tangram.plugins.mrp.PlanningInput;
import java.util.List;

/**
 * Scheduled receipts: explicit ones plus the open quantity of confirmed, partially received or
 * released orders. Drafts, RFQs and cancelled orders are not supply. Receipts are firm: MRP plans
 * around them and never moves them.
 */
final class FirmSupply {

  private FirmSupply() {}

  static PeriodGrid collect(PlanningInput input, ItemIndex items, BucketCalendar calendar) {
    PeriodGrid receipts = new PeriodGrid(items.size(), calendar.periods());
    IndependentDemand.addLines(receipts, input.scheduledReceipts(), "scheduledReceipts", items, calendar);
    List<OpenOrder> orders = input.openOrders();
    for (int i = 0; i < orders.size(); i++) {
      OpenOrder order = orders.get(i);
      String field = "openOrders[" + i + "]";
      int item = items.indexOf(order.item(), field + ".item");
      Checks.notNegative(Checks.present(order.qty(), field + ".qty", "The ordered quantity"), field + ".qty",
          "The ordered quantity of " + field);
      Checks.notNegative(order.received(), field + ".received", "The received quantity of " + field);
      if (!order.isFirmSupply() || order.openQty().signum() == 0) {
        continue;
      }
      int period = order.period() != null
          ? calendar.clamp(order.period())
          : calendar.periodOf(Checks.present(order.dueDate(), field + ".dueDate", "Its due date"));
      if (period != BucketCalendar.BEYOND_HORIZON) {
        receipts.add(item, period, order.openQty());
      }
    }
    return receipts;
  }
}
