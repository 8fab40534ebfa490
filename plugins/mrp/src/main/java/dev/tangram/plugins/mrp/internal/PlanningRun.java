package dev.tangram.plugins.mrp.internal;

import dev.tangram.plugins.mrp.PlannedOrder;
import dev.tangram.plugins.mrp.PlanningInput;
import dev.tangram.plugins.mrp.PlanningResult;
import java.math.BigDecimal;

/**
 * One regenerative MRP run: validate, compute low-level codes, collect independent demand and firm
 * supply, then net items in ascending low-level code, exploding each item's planned orders into its
 * components' gross requirements before any component is netted. Pure: same input, same result.
 */
public final class PlanningRun {

  private PlanningRun() {}

  /**
   * Plans {@code input}.
   *
   * @throws dev.tangram.plugins.mrp.MrpInputException when the input is refused (nothing planned)
   */
  public static PlanningResult plan(PlanningInput input) {
    BucketCalendar calendar = new BucketCalendar(input.calendar());
    ItemIndex items = new ItemIndex(input.items());
    PlanningDataValidator.validateItems(items);
    PlanningDataValidator.validateBoms(input.boms(), items);
    BomStructure boms = new BomStructure(input.boms(), items);
    int[] lowLevelCodes = LowLevelCoder.lowLevelCodes(boms, items);
    PeriodGrid gross = IndependentDemand.collect(input, items, calendar);
    PeriodGrid scheduled = FirmSupply.collect(input, items, calendar);

    UnitRounding[] units = new UnitRounding[items.size()];
    for (int i = 0; i < items.size(); i++) {
      units[i] = new UnitRounding(items.item(i).precision());
    }
    ItemNetter netter = new ItemNetter(calendar);
    NettedItem[] netted = new NettedItem[items.size()];
    for (int item : LowLevelCoder.planningOrder(lowLevelCodes)) {
      netted[item] = netter.net(items.item(item), gross.row(item), scheduled.row(item));
      explode(item, netted[item], boms, gross, units);
    }
    return ResultAssembler.assemble(items, lowLevelCodes, netted);
  }

  /** Adds the component needs of every planned order of {@code parent}, due on its release date. */
  private static void explode(int parent, NettedItem plan, BomStructure boms, PeriodGrid gross, UnitRounding[] units) {
    if (boms.first(parent) == boms.end(parent)) {
      return;
    }
    BigDecimal batch = boms.batchSize(parent);
    for (PlannedOrder order : plan.plannedOrders()) {
      int period = Math.max(order.releasePeriod(), 1); // a past-due release makes past-due component demand
      for (int e = boms.first(parent); e < boms.end(parent); e++) {
        int child = boms.component(e);
        BigDecimal need = units[child].divideUp(order.orderQty().multiply(boms.needPerBatch(e)), batch);
        if (need.signum() > 0) {
          gross.add(child, period, need);
        }
      }
    }
  }
}
