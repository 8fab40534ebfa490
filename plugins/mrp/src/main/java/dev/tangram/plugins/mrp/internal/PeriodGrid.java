package dev.tangram.plugins.mrp.internal;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Quantities per item and period (period 1 at index 0). A row is allocated on first write, so the
 * many items without demand or supply cost one null reference, not a row of zeros.
 */
final class PeriodGrid {

  private final BigDecimal[][] rows;
  private final int periods;

  PeriodGrid(int items, int periods) {
    this.rows = new BigDecimal[items][];
    this.periods = periods;
  }

  void add(int item, int period, BigDecimal qty) {
    BigDecimal[] row = row(item);
    row[period - 1] = row[period - 1].add(qty);
  }

  BigDecimal get(int item, int period) {
    BigDecimal[] row = rows[item];
    return row == null ? BigDecimal.ZERO : row[period - 1];
  }

  /** The item's row, read and written in place; allocated (all zero) if nothing was added yet. */
  BigDecimal[] row(int item) {
    if (rows[item] == null) {
      BigDecimal[] row = new BigDecimal[periods];
      Arrays.fill(row, BigDecimal.ZERO);
      rows[item] = row;
    }
    return rows[item];
  }

  boolean isEmpty(int item) {
    return rows[item] == null;
  }
}
