package dev.tangram.plugins.mrp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Repeatable synthetic MRP data for the scaling benchmark: items on five BOM levels (10/15/20/25/30
 * percent), end items with demand in about a third of the weeks, each parent with three components
 * on the next level and, for one parent in five, a fourth two levels down (so shared components get
 * mixed low-level codes), a mix of lot-sizing rules, safety stock, yield and scrap, and open POs.
 */
final class SyntheticPlanningData {

  private static final double[] LEVEL_SHARE = {0.10, 0.15, 0.20, 0.25, 0.30};
  private static final LotSizing[] LOTS = {
    LotSizing.LOT_FOR_LOT,
    new LotSizing(LotSizing.Rule.FOQ, BigDecimal.valueOf(250), null, null),
    new LotSizing(LotSizing.Rule.MIN_MULT, null, BigDecimal.valueOf(100), BigDecimal.valueOf(30)),
  };

  private SyntheticPlanningData() {}

  static PlanningInput generate(int itemCount, int periods, long seed) {
    Random random = new Random(seed);
    int[] levelStart = new int[LEVEL_SHARE.length + 1];
    for (int level = 0; level < LEVEL_SHARE.length; level++) {
      levelStart[level + 1] = level == LEVEL_SHARE.length - 1
          ? itemCount
          : levelStart[level] + (int) Math.round(itemCount * LEVEL_SHARE[level]);
    }
    List<PlanningItem> items = new ArrayList<>(itemCount);
    List<Bom> boms = new ArrayList<>();
    List<PeriodQuantity> demand = new ArrayList<>();
    List<OpenOrder> openOrders = new ArrayList<>();
    for (int level = 0; level < LEVEL_SHARE.length; level++) {
      boolean leaf = level == LEVEL_SHARE.length - 1;
      for (int i = levelStart[level]; i < levelStart[level + 1]; i++) {
        items.add(item(i, leaf, random));
        if (!leaf) {
          boms.add(bom(i, level, levelStart, random));
        }
        if (level == 0) {
          for (int p = 1; p <= periods; p++) {
            if (random.nextInt(3) == 0) {
              demand.add(new PeriodQuantity(code(i), p, null, BigDecimal.valueOf(10 + random.nextInt(90)), "SO"));
            }
          }
        } else if (random.nextInt(10) == 0) {
          openOrders.add(new OpenOrder("PO-" + i, "purchase", code(i), BigDecimal.valueOf(200), null,
              LocalDate.of(2025, 1, 6).plusWeeks(random.nextInt(periods)), null, "confirmed", null));
        }
      }
    }
    PlanningCalendar calendar = new PlanningCalendar(PlanningCalendar.Bucket.WEEK, periods, LocalDate.of(2025, 1, 6), null);
    return new PlanningInput(calendar, items, boms, demand, List.of(), List.of(), List.of(), openOrders);
  }

  private static PlanningItem item(int i, boolean leaf, Random random) {
    BigDecimal yield = random.nextInt(5) == 0 ? new BigDecimal("0.95") : null;
    return new PlanningItem(code(i), null, leaf ? ItemType.BUY : ItemType.MAKE, 1 + random.nextInt(3),
        BigDecimal.valueOf(random.nextInt(500)), BigDecimal.ZERO, BigDecimal.valueOf(random.nextInt(3) * 10),
        LOTS[random.nextInt(LOTS.length)], yield, new UnitOfMeasure("pcs", 0), null);
  }

  private static Bom bom(int parent, int level, int[] levelStart, Random random) {
    List<BomComponent> lines = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      lines.add(line(pick(levelStart, level + 1, random), random));
    }
    if (level + 2 < LEVEL_SHARE.length && random.nextInt(5) == 0) {
      lines.add(line(pick(levelStart, level + 2, random), random));
    }
    return new Bom(code(parent), null, null, null, lines);
  }

  private static BomComponent line(int component, Random random) {
    BigDecimal scrap = random.nextInt(4) == 0 ? BigDecimal.valueOf(5) : null;
    return new BomComponent(code(component), BigDecimal.valueOf(1 + random.nextInt(3)), scrap, null);
  }

  private static int pick(int[] levelStart, int level, Random random) {
    return levelStart[level] + random.nextInt(levelStart[level + 1] - levelStart[level]);
  }

  private static String code(int i) {
    return "I" + i;
  }
}
