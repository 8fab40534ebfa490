package dev.tangram.plugins.mrp.internal;

import dev.tangram.plugins.mrp.MrpInputException;
import dev.tangram.plugins.mrp.PlanningItem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Items numbered 0..n-1 in input order, so that the planner keeps its per-item data in arrays
 * instead of maps. Output keeps the same order.
 */
final class ItemIndex {

  private final List<PlanningItem> items;
  private final Map<String, Integer> indexByCode;

  ItemIndex(List<PlanningItem> items) {
    this.items = items;
    this.indexByCode = HashMap.newHashMap(items.size());
    for (int i = 0; i < items.size(); i++) {
      String code = Checks.present(items.get(i).code(), "items[" + i + "].code", "Item code");
      if (indexByCode.putIfAbsent(code, i) != null) {
        throw new MrpInputException(
            MrpInputException.DUPLICATE_ITEM, "items[" + i + "].code", "Item '" + code + "' is listed twice");
      }
    }
  }

  int size() {
    return items.size();
  }

  PlanningItem item(int index) {
    return items.get(index);
  }

  String code(int index) {
    return items.get(index).code();
  }

  /** The index of {@code code}; refuses a code that is not among the items, naming {@code field}. */
  int indexOf(String code, String field) {
    Integer index = indexByCode.get(Checks.present(code, field, "Item code"));
    if (index == null) {
      throw new MrpInputException(
          MrpInputException.UNKNOWN_ITEM, field, "Unknown item '" + code + "' (not in items)");
    }
    return index;
  }
}
