package dev.tangram.plugins.ledger.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/** CNY money arithmetic: 2 decimals, HALF_UP (四舍五入), as convention 1 fixes. */
final class Amounts {

  static final int SCALE = 2;
  static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

  private Amounts() {}

  static BigDecimal round(BigDecimal value) {
    return value.setScale(SCALE, RoundingMode.HALF_UP);
  }

  static BigDecimal orZero(@Nullable BigDecimal value) {
    return value == null ? ZERO : value;
  }

  /** True when the amount carries a non-zero digit beyond the cent. */
  static boolean finerThanCent(BigDecimal value) {
    return value.stripTrailingZeros().scale() > SCALE;
  }

  static boolean isZero(BigDecimal value) {
    return value.signum() == 0;
  }

  /** {@code round(qty × value / onHand)}: the share of a value that goes with part of a quantity. */
  static BigDecimal proRata(BigDecimal qty, BigDecimal value, BigDecimal onHand) {
    return round(qty.multiply(value).divide(onHand, 12, RoundingMode.HALF_UP));
  }

  /** Unit cost for display only; never stored (convention 5). */
  static @Nullable BigDecimal unitCost(BigDecimal value, BigDecimal qty) {
    return qty.signum() == 0 ? null : value.divide(qty, 4, RoundingMode.HALF_UP).stripTrailingZeros();
  }
}
