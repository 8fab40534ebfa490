package dev.tangram.plugins.mrp;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How a net requirement becomes a planned receipt.
 *
 * @param rule     the lot-sizing rule
 * @param qty      the fixed lot of {@code FOQ}
 * @param min      the minimum of {@code MIN_MULT} (none when absent)
 * @param multiple the rounding multiple of {@code MIN_MULT} (none when absent)
 */
public record LotSizing(
    Rule rule, @Nullable BigDecimal qty, @Nullable BigDecimal min, @Nullable BigDecimal multiple) {

  /** Lot-for-lot, the default. */
  public static final LotSizing LOT_FOR_LOT = new LotSizing(Rule.L4L, null, null, null);

  /** Lot-sizing rules. */
  public enum Rule {
    /** Order exactly the net requirement. */
    L4L,
    /** Order as many whole lots of {@code qty} as cover the net requirement. */
    FOQ,
    /** Order at least {@code min}, then round up to a multiple of {@code multiple}. */
    MIN_MULT;

    @JsonValue
    String json() {
      return name();
    }

    @JsonCreator
    static Rule fromJson(String value) {
      return switch (value.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace('+', '_')) {
        case "L4L", "LFL", "LOT_FOR_LOT" -> L4L;
        case "FOQ", "FIXED", "FIXED_ORDER_QTY", "FIXED_ORDER_QUANTITY" -> FOQ;
        case "MIN_MULT", "MIN_MULTIPLE", "MINMULT" -> MIN_MULT;
        default ->
            throw new IllegalArgumentException("Unknown lot-sizing rule '" + value + "' (L4L | FOQ | MIN_MULT)");
      };
    }
  }
}
