package dev.tangram.plugins.mrp.internal;

import dev.tangram.plugins.mrp.ItemRecord;
import dev.tangram.plugins.mrp.PlannedOrder;
import dev.tangram.plugins.mrp.PlanningResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the public result in input item order. Numbers are written in their shortest plain form
 * ({@code 40}, {@code 12.5}), never with trailing zeros or exponents.
 */
final class ResultAssembler {

  private ResultAssembler() {}

  static PlanningResult assemble(ItemIndex items, int[] lowLevelCodes, NettedItem[] netted) {
    Map<String, Integer> codes = LinkedHashMap.newLinkedHashMap(items.size());
    Map<String, ItemRecord> records = LinkedHashMap.newLinkedHashMap(items.size());
    List<PlannedOrder> orders = new ArrayList<>();
    List<PlannedOrder> pastDue = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String code = items.code(i);
      codes.put(code, lowLevelCodes[i]);
      NettedItem plan = netted[i];
      List<PlannedOrder> itemPastDue = new ArrayList<>(0);
      for (PlannedOrder order : plan.plannedOrders()) {
        PlannedOrder plain = plain(order);
        orders.add(plain);
        if (plain.pastDue()) {
          itemPastDue.add(plain);
        }
      }
      pastDue.addAll(itemPastDue);
      records.put(code, new ItemRecord(
          plain(plan.gross()), plain(plan.scheduled()), plain(plan.projectedOnHand()), plain(plan.net()),
          plain(plan.receipts()), plain(plan.releases()), List.copyOf(itemPastDue)));
    }
    return new PlanningResult(codes, records, List.copyOf(orders), List.copyOf(pastDue));
  }

  private static PlannedOrder plain(PlannedOrder order) {
    return new PlannedOrder(order.item(), order.type(), order.receiptPeriod(), plain(order.receiptQty()),
        plain(order.orderQty()), order.releasePeriod(), order.dueDate(), order.releaseDate(), order.pastDue());
  }

  private static List<BigDecimal> plain(BigDecimal[] row) {
    for (int t = 0; t < row.length; t++) {
      row[t] = plain(row[t]);
    }
    return java.util.Collections.unmodifiableList(Arrays.asList(row));
  }

  static BigDecimal plain(BigDecimal value) {
    if (value.scale() == 0) {
      return value;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
