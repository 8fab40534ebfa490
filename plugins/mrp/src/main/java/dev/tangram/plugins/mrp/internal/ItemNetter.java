package dev.tangram.plugins.mrp.internal;

import dev.tangram.plugins.mrp.PlannedOrder;
import dev.tangram.plugins.mrp.PlanningItem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Gross-to-net for one item, period by period: available = POH[t-1] + SR[t] - GR[t];
 * NR[t] = max(0, SS - available); PORc[t] = lot(NR[t]); POH[t] = available + PORc[t]. The order
 * (start) quantity is PORc / yield rounded up to the unit, released lead-time periods earlier.
 */
final class ItemNetter {

  private final BucketCalendar calendar;

  ItemNetter(BucketCalendar calendar) {
    this.calendar = calendar;
  }

  NettedItem net(PlanningItem item, BigDecimal[] gross, BigDecimal[] scheduled) {
    int periods = calendar.periods();
    BigDecimal[] onHand = new BigDecimal[periods];
    BigDecimal[] net = zeros(periods);
    BigDecimal[] receipts = zeros(periods);
    BigDecimal[] releases = zeros(periods);
    List<PlannedOrder> orders = new ArrayList<>(0);
    UnitRounding unit = new UnitRounding(item.precision());
    BigDecimal safetyStock = item.safetyStock();
    BigDecimal yield = item.yieldFraction();
    BigDecimal balance = item.onHand().subtract(item.allocated());
    for (int t = 0; t < periods; t++) {
      BigDecimal available = balance;
      if (scheduled[t].signum() != 0) {
        available = available.add(scheduled[t]);
      }
      if (gross[t].signum() != 0) {
        available = available.subtract(gross[t]);
      }
      if (available.compareTo(safetyStock) < 0) {
        BigDecimal shortage = safetyStock.subtract(available);
        BigDecimal receipt = LotSizer.lotFor(shortage, item.lotSizing());
        net[t] = shortage;
        receipts[t] = receipt;
        available = available.add(receipt);
        PlannedOrder order = plannedOrder(item, t + 1, PlainNumbers.plain(receipt),
            PlainNumbers.plain(unit.divideUp(receipt, yield)));
        orders.add(order);
        if (!order.pastDue()) {
          releases[order.releasePeriod() - 1] = releases[order.releasePeriod() - 1].add(order.orderQty());
        }
      }
      onHand[t] = available;
      balance = available;
    }
    return new NettedItem(gross, scheduled, onHand, net, receipts, releases, orders);
  }

  private PlannedOrder plannedOrder(PlanningItem item, int receiptPeriod, BigDecimal receipt, BigDecimal orderQty) {
    int releasePeriod = receiptPeriod - item.leadTime();
    return new PlannedOrder(
        item.code(),
        item.type().plannedOrderType(),
        receiptPeriod,
        receipt,
        orderQty,
        releasePeriod,
        calendar.startOf(receiptPeriod),
        calendar.startOf(releasePeriod),
        releasePeriod < 1);
  }

  private static BigDecimal[] zeros(int periods) {
    BigDecimal[] row = new BigDecimal[periods];
    Arrays.fill(row, BigDecimal.ZERO);
    return row;
  }
}
