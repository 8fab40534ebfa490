package dev.tangram.plugins.mrp.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * Rounds quantities UP to a unit's precision (you cannot start 10.2 pieces; you start 11). A unit
 * without a stated precision keeps exact values; divisions are then carried to
 * {@value #UNSTATED_DIVISION_SCALE} decimals, rounded up.
 */
final class UnitRounding {

  static final int UNSTATED_DIVISION_SCALE = 10;

  private final @Nullable Integer precision;

  UnitRounding(@Nullable Integer precision) {
    this.precision = precision;
  }

  BigDecimal roundUp(BigDecimal qty) {
    if (precision == null || qty.scale() <= precision) {
      return qty;
    }
    return qty.setScale(precision, RoundingMode.CEILING);
  }

  /** {@code qty / divisor}, rounded up to the unit; exact when the divisor is one. */
  BigDecimal divideUp(BigDecimal qty, BigDecimal divisor) {
    if (divisor.compareTo(BigDecimal.ONE) == 0) {
      return roundUp(qty);
    }
    int scale = precision == null ? UNSTATED_DIVISION_SCALE : precision;
    return qty.divide(divisor, scale, RoundingMode.CEILING);
  }
}
