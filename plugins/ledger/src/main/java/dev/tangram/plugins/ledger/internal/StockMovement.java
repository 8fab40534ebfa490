package dev.tangram.plugins.ledger.internal;

import java.math.BigDecimal;
import java.util.List;

/** A change of one stock position, kept with its voucher so a reversal can undo it exactly. */
sealed interface StockMovement {

  StockKey key();

  BigDecimal qtyChange();

  BigDecimal valueChange();

  /** Stock came in at {@code value}. */
  record Received(StockKey key, BigDecimal qty, BigDecimal value, String source) implements StockMovement {
    @Override
    public BigDecimal qtyChange() {
      return qty;
    }

    @Override
    public BigDecimal valueChange() {
      return value;
    }
  }

  /** Stock went out; {@code consumed} are the slices it took, to put back on reversal. */
  record Issued(StockKey key, BigDecimal qty, BigDecimal value, List<Layer> consumed) implements StockMovement {
    @Override
    public BigDecimal qtyChange() {
      return qty.negate();
    }

    @Override
    public BigDecimal valueChange() {
      return value.negate();
    }
  }

  /** The value of stock from {@code source} changed without a quantity change. */
  record Revalued(StockKey key, BigDecimal amount, String source) implements StockMovement {
    @Override
    public BigDecimal qtyChange() {
      return BigDecimal.ZERO;
    }

    @Override
    public BigDecimal valueChange() {
      return amount;
    }
  }

  /** A reversal: the movement {@code undone} taken back. */
  record Undone(StockMovement undone) implements StockMovement {
    @Override
    public StockKey key() {
      return undone.key();
    }

    @Override
    public BigDecimal qtyChange() {
      return undone.qtyChange().negate();
    }

    @Override
    public BigDecimal valueChange() {
      return undone.valueChange().negate();
    }
  }
}
