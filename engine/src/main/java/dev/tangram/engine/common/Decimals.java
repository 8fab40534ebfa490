package dev.tangram.engine.common;

import java.math.BigDecimal;
import org.bson.types.Decimal128;

/** The one way decimals are stored: trailing zeros stripped, never in exponent form. */
public final class Decimals {

  private Decimals() {}

  public static Decimal128 toStored(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return new Decimal128(stripped.scale() < 0 ? stripped.setScale(0) : stripped);
  }
}
