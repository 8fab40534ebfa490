package dev.tangram.plugins.mrp.internal;

import dev.tangram.plugins.mrp.Bom;
import dev.tangram.plugins.mrp.BomComponent;
import dev.tangram.plugins.mrp.LotSizing;
import dev.tangram.plugins.mrp.MrpInputException;
import dev.tangram.plugins.mrp.PlanningItem;
import java.util.List;

/**
 * Refuses item and BOM data the planner cannot use, before anything is planned: negative stock,
 * lead times, lot sizes, quantities per or scrap, a missing FOQ lot, a yield or batch size of zero.
 */
final class PlanningDataValidator {

  private PlanningDataValidator() {}

  static void validateItems(ItemIndex items) {
    for (int i = 0; i < items.size(); i++) {
      PlanningItem item = items.item(i);
      String field = "items[" + i + "]";
      String who = "Item '" + item.code() + "': ";
      Checks.present(item.type(), field + ".type", who + "type (make | buy)");
      Checks.notNegative(item.leadTime(), field + ".leadTime", who + "leadTime");
      Checks.notNegative(item.onHand(), field + ".onHand", who + "onHand");
      Checks.notNegative(item.allocated(), field + ".allocated", who + "allocated");
      Checks.notNegative(item.safetyStock(), field + ".safetyStock", who + "safetyStock");
      Checks.positive(item.yield(), field + ".yield", who + "yield");
      Integer precision = item.precision();
      if (precision != null && precision < 0) {
        throw new MrpInputException(MrpInputException.INVALID_PLANNING_DATA, field + ".uom",
            who + "UOM precision must not be negative: " + precision);
      }
      validateLotSizing(item.lotSizing(), field + ".lotSizing", who);
    }
  }

  private static void validateLotSizing(LotSizing lot, String field, String who) {
    Checks.present(lot.rule(), field + ".rule", who + "lot-sizing rule");
    Checks.notNegative(lot.min(), field + ".min", who + "minimum lot");
    Checks.positive(lot.multiple(), field + ".multiple", who + "lot multiple");
    if (lot.rule() == LotSizing.Rule.FOQ) {
      Checks.positive(Checks.present(lot.qty(), field + ".qty", who + "FOQ lot qty"), field + ".qty",
          who + "FOQ lot qty");
    }
  }

  static void validateBoms(List<Bom> boms, ItemIndex items) {
    for (int b = 0; b < boms.size(); b++) {
      Bom bom = boms.get(b);
      String field = "boms[" + b + "]";
      items.indexOf(bom.parent(), field + ".parent");
      Checks.positive(bom.outputQty(), field + ".outputQty", "BOM of '" + bom.parent() + "': outputQty");
      List<BomComponent> lines = bom.components();
      for (int c = 0; c < lines.size(); c++) {
        BomComponent line = lines.get(c);
        String lineField = field + ".components[" + c + "]";
        String who = "BOM of '" + bom.parent() + "', component '" + line.item() + "': ";
        items.indexOf(line.item(), lineField + ".item");
        Checks.notNegative(Checks.present(line.qtyPer(), lineField + ".qtyPer", who + "qtyPer"),
            lineField + ".qtyPer", who + "qtyPer");
        Checks.notNegative(line.scrapPct(), lineField + ".scrapPct", who + "scrapPct");
      }
    }
  }
}
