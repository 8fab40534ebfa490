package dev.tangram.plugins.mrp.internal;

import dev.tangram.plugins.mrp.LotSizing;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Turns a net requirement into a planned receipt under an item's lot-sizing rule. */
final class LotSizer {

  private LotSizer() {}

  /** The planned receipt for a positive net requirement. */
  static BigDecimal lotFor(BigDecimal net, LotSizing lot) {
    return switch (lot.rule()) {
      case L4L -> net;
      case FOQ -> roundUpToMultiple(net, lot.qty());
      case MIN_MULT -> {
        BigDecimal atLeastMin = lot.min() == null ? net : net.max(lot.min());
        yield lot.multiple() == null ? atLeastMin : roundUpToMultiple(atLeastMin, lot.multiple());
      }
    };
  }

  /** The smallest whole number of {@code lot}s that covers {@code qty}. */
  private static BigDecimal roundUpToMultiple(BigDecimal qty, BigDecimal lot) {
    BigDecimal lots = qty.divide(lot, 0, RoundingMode.CEILING);
    return lots.multiply(lot);
  }
}
