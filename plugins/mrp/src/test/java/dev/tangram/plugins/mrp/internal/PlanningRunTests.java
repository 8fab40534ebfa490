package dev.tangram.plugins.mrp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tangram.plugins.mrp.ItemRecord;
import dev.tangram.plugins.mrp.PlannedOrder;
import dev.tangram.plugins.mrp.PlanningInput;
import dev.tangram.plugins.mrp.PlanningResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Planning scenarios beyond the shared cases, each written in the input format callers use. */
class PlanningRunTests {

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private static PlanningResult plan(String json) {
    return PlanningRun.plan(MAPPER.readValue(json, PlanningInput.class));
  }

  private static List<BigDecimal> row(Object... values) {
    return java.util.Arrays.stream(values).map(v -> new BigDecimal(v.toString())).toList();
  }

  private static PlannedOrder onlyOrderOf(PlanningResult result, String item) {
    List<PlannedOrder> orders = result.plannedOrders().stream().filter(o -> o.item().equals(item)).toList();
    assertThat(orders).hasSize(1);
    return orders.getFirst();
  }

  /**
   * Daily buckets with yield, MIN_MULT, a batch BOM with scrap, safety stock and a past-due
   * component release, worked by hand. P: net 23 on day 4 → max(23, 20) = 23 → 25 (multiple 5) good
   * output → 25 / 0.9 = 27.8 → 28 started, released day 2. C: 28 × 3 × 1.10 / 4 = 23.1 (precision 1)
   * on day 2; POH 5 - 23.1 = -18.1 against safety stock 2 → net 20.1; lead time 3 days → release
   * day -1 (2025-01-04): kept, past due, not in the release row.
   */
  @Test
  void dailyYieldMinMultipleBatchScrapSafetyStockAndPastDueWorkedByHand() {
    PlanningResult result = plan("""
        {"calendar": {"bucket": "day", "periods": 5, "period1Start": "2025-01-06"},
         "items": [{"code": "P", "type": "make", "leadTime": 2, "yield": 0.9, "uom": {"code": "pcs", "precision": 0},
                    "lotSizing": {"rule": "MIN_MULT", "min": 20, "multiple": 5}},
                   {"code": "C", "type": "buy", "leadTime": 3, "onHand": 5, "safetyStock": 2, "uom": {"code": "kg", "precision": 1}}],
         "boms": [{"parent": "P", "outputQty": 4, "components": [{"item": "C", "qtyPer": 3, "scrapPct": 10}]}],
         "independentDemand": [{"item": "P", "period": 4, "qty": 23}]}
        """);

    PlannedOrder make = onlyOrderOf(result, "P");
    assertThat(make.receiptQty()).isEqualByComparingTo("25");
    assertThat(make.orderQty()).isEqualByComparingTo("28");
    assertThat(make.releasePeriod()).isEqualTo(2);
    assertThat(make.dueDate()).isEqualTo(LocalDate.of(2025, 1, 9));
    assertThat(result.records().get("P").projectedOnHand()).containsExactlyElementsOf(row(0, 0, 0, 2, 2));
    assertThat(result.records().get("C").grossRequirements()).containsExactlyElementsOf(row(0, "23.1", 0, 0, 0));
    assertThat(result.records().get("C").netRequirements()).containsExactlyElementsOf(row(0, "20.1", 0, 0, 0));
    assertThat(result.records().get("C").projectedOnHand()).containsExactlyElementsOf(row(5, 2, 2, 2, 2));
    PlannedOrder buy = onlyOrderOf(result, "C");
    assertThat(buy.orderQty()).isEqualByComparingTo("20.1");
    assertThat(buy.pastDue()).isTrue();
    assertThat(buy.releasePeriod()).isEqualTo(-1);
    assertThat(buy.releaseDate()).isEqualTo(LocalDate.of(2025, 1, 4));
    assertThat(result.records().get("C").plannedOrderReleases()).containsExactlyElementsOf(row(0, 0, 0, 0, 0));
    assertThat(result.pastDueReleases()).containsExactly(buy);
  }

  @Test
  void dailyBucketsOffsetLeadTimesInCalendarDays() {
    PlanningResult result = plan("""
        {"calendar": {"bucket": "day", "periods": 7, "period1Start": "2025-01-06"},
         "items": [{"code": "K", "type": "make", "leadTime": 2},
                   {"code": "S", "type": "buy", "leadTime": 1, "onHand": 5}],
         "boms": [{"parent": "K", "components": [{"item": "S", "qtyPer": 2}]}],
         "salesOrders": [{"no": "SO-1", "item": "K", "qty": 8, "dueDate": "2025-01-10", "status": "confirmed"}]}
        """);

    PlannedOrder make = onlyOrderOf(result, "K");
    assertThat(make.receiptPeriod()).isEqualTo(5);
    assertThat(make.dueDate()).isEqualTo(LocalDate.of(2025, 1, 10));
    assertThat(make.releaseDate()).isEqualTo(LocalDate.of(2025, 1, 8));
    assertThat(result.records().get("S").grossRequirements()).containsExactlyElementsOf(row(0, 0, 16, 0, 0, 0, 0));
    PlannedOrder buy = onlyOrderOf(result, "S");
    assertThat(buy.receiptQty()).isEqualByComparingTo("11");
    assertThat(buy.releaseDate()).isEqualTo(LocalDate.of(2025, 1, 7));
  }

  @Test
  void yieldAndScrapRoundOrderAndComponentQuantitiesUpToTheUnit() {
    PlanningResult result = plan("""
        {"calendar": {"bucket": "week", "periods": 3, "period1Start": "2025-01-06"},
         "items": [{"code": "K", "type": "make", "leadTime": 1, "yield": 0.9, "uom": {"code": "pcs", "precision": 0}},
                   {"code": "S", "type": "buy", "leadTime": 1, "uom": {"code": "kg", "precision": 2}}],
         "boms": [{"parent": "K", "components": [{"item": "S", "qtyPer": 0.333, "scrapPct": 10}]}],
         "independentDemand": [{"item": "K", "period": 3, "qty": 100}]}
        """);

    PlannedOrder make = onlyOrderOf(result, "K");
    assertThat(make.receiptQty()).isEqualByComparingTo("100");
    assertThat(make.orderQty()).as("100 / 0.9 = 111.1 rounded up").isEqualByComparingTo("112");
    assertThat(result.records().get("K").plannedOrderReleases()).containsExactlyElementsOf(row(0, 112, 0));
    assertThat(result.records().get("S").grossRequirements())
        .as("112 x 0.333 x 1.10 = 41.0256 rounded up to 0.01")
        .containsExactlyElementsOf(row(0, "41.03", 0));
  }

  @Test
  void fixedOrderQuantityOrdersWholeLotsAndMinPlusMultipleRoundsTheMinimumUp() {
    PlanningResult result = plan("""
        {"calendar": {"bucket": "week", "periods": 3, "period1Start": "2025-01-06"},
         "items": [{"code": "F", "type": "buy", "leadTime": 0, "lotSizing": {"rule": "FOQ", "qty": 50}},
                   {"code": "M", "type": "buy", "leadTime": 0, "lotSizing": {"rule": "MIN_MULT", "min": 40, "multiple": 25}}],
         "independentDemand": [{"item": "F", "period": 2, "qty": 120}, {"item": "F", "period": 3, "qty": 20},
                               {"item": "M", "period": 1, "qty": 10}, {"item": "M", "period": 2, "qty": 60}]}
        """);

    ItemRecord fixed = result.records().get("F");
    assertThat(fixed.plannedOrderReceipts()).containsExactlyElementsOf(row(0, 150, 0));
    assertThat(fixed.projectedOnHand()).containsExactlyElementsOf(row(0, 30, 10));
    ItemRecord minMult = result.records().get("M");
    assertThat(minMult.netRequirements()).containsExactlyElementsOf(row(10, 20, 0));
    assertThat(minMult.plannedOrderReceipts()).containsExactlyElementsOf(row(50, 50, 0));
    assertThat(minMult.projectedOnHand()).containsExactlyElementsOf(row(40, 30, 30));
  }

  @Test
  void releaseBeforePeriodOneIsKeptFlaggedAndItsComponentsArePastDueInPeriodOne() {
    PlanningResult result = plan("""
        {"calendar": {"bucket": "week", "periods": 3, "period1Start": "2025-01-06"},
         "items": [{"code": "A", "type": "make", "leadTime": 3},
                   {"code": "B", "type": "buy", "leadTime": 0}],
         "boms": [{"parent": "A", "components": [{"item": "B", "qtyPer": 4}]}],
         "independentDemand": [{"item": "A", "period": 2, "qty": 10}]}
        """);

    PlannedOrder late = onlyOrderOf(result, "A");
    assertThat(late.pastDue()).isTrue();
    assertThat(late.releasePeriod()).isEqualTo(-1);
    assertThat(late.releaseDate()).isEqualTo(LocalDate.of(2024, 12, 23));
    assertThat(late.orderQty()).isEqualByComparingTo("10");
    assertThat(result.pastDueReleases()).containsExactly(late);
    assertThat(result.records().get("A").pastDueReleases()).containsExactly(late);
    assertThat(result.records().get("A").plannedOrderReleases()).containsExactlyElementsOf(row(0, 0, 0));
    assertThat(result.records().get("B").grossRequirements()).containsExactlyElementsOf(row(40, 0, 0));
    assertThat(onlyOrderOf(result, "B").pastDue()).isFalse();
  }

  @Test
  void sharedComponentIsNettedOnceAfterAllItsParentsAtItsLowLevelCode() {
    PlanningResult result = plan("""
        {"calendar": {"bucket": "week", "periods": 4, "period1Start": "2025-01-06"},
         "items": [{"code": "Z", "type": "buy", "leadTime": 0, "onHand": 10},
                   {"code": "X", "type": "make", "leadTime": 1},
                   {"code": "Y", "type": "make", "leadTime": 1}],
         "boms": [{"parent": "X", "components": [{"item": "Y", "qtyPer": 1}, {"item": "Z", "qtyPer": 1}]},
                  {"parent": "Y", "components": [{"item": "Z", "qtyPer": 1}, {"item": "Z", "qtyPer": 2}]}],
         "independentDemand": [{"item": "X", "period": 4, "qty": 5}]}
        """);

    assertThat(result.lowLevelCodes()).containsExactly(
        java.util.Map.entry("Z", 2), java.util.Map.entry("X", 0), java.util.Map.entry("Y", 1));
    assertThat(result.records().get("Z").grossRequirements())
        .as("duplicate BOM lines add up: Y's 5 x (1 + 2) in week 2, X's 5 x 1 in week 3")
        .containsExactlyElementsOf(row(0, 15, 5, 0));
    assertThat(result.records().get("Z").plannedOrderReceipts()).containsExactlyElementsOf(row(0, 5, 5, 0));
  }

  @Test
  void samePlanTwiceGivesTheSameResult() {
    String input = """
        {"calendar": {"periods": 2, "period1Start": "2025-01-06"},
         "items": [{"code": "P", "type": "buy", "leadTime": 1, "safetyStock": 3}],
         "forecasts": [{"item": "P", "date": "2025-01-14", "qty": 7}]}
        """;
    assertThat(plan(input)).isEqualTo(plan(input));
  }
}
