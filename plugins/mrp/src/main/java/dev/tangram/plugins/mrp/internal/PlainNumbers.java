package dev.tangram.plugins.mrp.internal;

import java.math.BigDecimal;

/**
 * Quantities as callers expect to read them: {@code 40} rather than {@code 40.00} or {@code 4E+1},
 * {@code 12.5} rather than {@code 12.50}, whatever scale the arithmetic left.
 */
final class PlainNumbers {

  private PlainNumbers() {}

  static BigDecimal plain(BigDecimal value) {
    if (value.scale() == 0) {
      return value;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
