package dev.tangram.plugins.mrp;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Planning data of one item. Quantities are in the item's unit of measure; absent ones are zero.
 *
 * @param code        unique item code
 * @param name        display name, not used by the planner
 * @param type        {@code make} (planned production) or {@code buy} (planned purchase)
 * @param leadTime    lead time in buckets (weeks, or calendar days for daily planning)
 * @param onHand      stock on hand
 * @param allocated   part of {@code onHand} reserved for released orders not yet issued
 * @param safetyStock projected on hand the plan keeps from period 1 on
 * @param lotSizing   how a net requirement becomes a planned receipt; lot-for-lot when absent
 * @param yield       expected good fraction of an order (0 &lt; yield &lt;= 1; a value above 1 is read
 *                    as a percentage); 1 when absent
 * @param uom         unit of measure; its precision rounds order quantities and component needs up
 * @param uomPrecision decimals of the unit, when given on the item instead of in {@code uom}
 */
public record PlanningItem(
    String code,
    @Nullable String name,
    ItemType type,
    int leadTime,
    @Nullable BigDecimal onHand,
    @Nullable BigDecimal allocated,
    @Nullable BigDecimal safetyStock,
    @Nullable LotSizing lotSizing,
    @JsonProperty("yield") @JsonAlias({"yieldFactor", "yieldPct", "yieldPercent"}) @Nullable BigDecimal yield,
    @Nullable UnitOfMeasure uom,
    @JsonAlias({"precision", "decimals", "scale", "uomScale", "uomDecimals"}) @Nullable Integer uomPrecision) {

  public PlanningItem {
    onHand = orZero(onHand);
    allocated = orZero(allocated);
    safetyStock = orZero(safetyStock);
    if (lotSizing == null) {
      lotSizing = LotSizing.LOT_FOR_LOT;
    }
  }

  /** Decimals order quantities are rounded up to, or {@code null} when the unit does not say. */
  public @Nullable Integer precision() {
    if (uomPrecision != null) {
      return uomPrecision;
    }
    return uom == null ? null : uom.precision();
  }

  /** The good fraction as a number in (0, 1]; a yield above 1 was given as a percentage. */
  public BigDecimal yieldFraction() {
    if (yield == null) {
      return BigDecimal.ONE;
    }
    return yield.compareTo(BigDecimal.ONE) > 0 ? yield.movePointLeft(2) : yield;
  }

  private static BigDecimal orZero(@Nullable BigDecimal value) {
    return value == null ? BigDecimal.ZERO : value;
  }
}
