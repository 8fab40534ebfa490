package dev.tangram.plugins.mrp.internal;

import dev.tangram.plugins.mrp.MrpInputException;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** Field checks shared by the input validators; each failure names the input path and the value. */
final class Checks {

  private Checks() {}

  static <T> T present(@Nullable T value, String field, String what) {
    if (value == null) {
      throw new MrpInputException(MrpInputException.MISSING_VALUE, field, what + " is missing");
    }
    return value;
  }

  static void notNegative(@Nullable BigDecimal value, String field, String what) {
    if (value != null && value.signum() < 0) {
      throw negative(field, what, value.toPlainString());
    }
  }

  static void notNegative(int value, String field, String what) {
    if (value < 0) {
      throw negative(field, what, Integer.toString(value));
    }
  }

  static void positive(@Nullable BigDecimal value, String field, String what) {
    notNegative(value, field, what);
    if (value != null && value.signum() == 0) {
      throw new MrpInputException(
          MrpInputException.INVALID_PLANNING_DATA, field, what + " must be greater than zero");
    }
  }

  private static MrpInputException negative(String field, String what, String value) {
    return new MrpInputException(
        MrpInputException.NEGATIVE_QUANTITY, field, what + " must not be negative: " + value);
  }
}
