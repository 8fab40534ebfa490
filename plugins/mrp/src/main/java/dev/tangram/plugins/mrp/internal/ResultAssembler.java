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
 * Builds the public result in input item order, numbers in their plain form (see {@link PlainNumbers}).
 * The per-period lists wrap the netting arrays instead of copying them.
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
        orders.add(order);
        if (order.pastDue()) {
          itemPastDue.add(order);
        }
      }
      pastDue.addAll(itemPastDue);
      records.put(code, new ItemRecord(
          plain(plan.gross()), plain(plan.scheduled()), plain(plan.projectedOnHand()), plain(plan.net()),
          plain(plan.receipts()), plain(plan.releases()), List.copyOf(itemPastDue)));
    }
    return new PlanningResult(codes, records, List.copyOf(orders), List.copyOf(pastDue));
  }

  private static List<BigDecimal> plain(BigDecimal[] row) {
    for (int t = 0; t < row.length; t++) {
      row[t] = PlainNumbers.plain(row[t]);
    }
    return java.util.Collections.unmodifiableList(Arrays.asList(row));
  }
}
