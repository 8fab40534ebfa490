package dev.tangram.plugins.ledger.internal;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Quantity and value of one item in one warehouse, immutable: every change returns a new
 * position, so a refused posting simply drops the positions it computed.
 */
sealed interface StockPosition permits MovingAveragePosition, FifoPosition {

  /** The GL stock account this position is carried in (1403, 1405…). */
  String account();

  BigDecimal qty();

  BigDecimal value();

  StockPosition receive(BigDecimal qty, BigDecimal value, String source);

  /** Takes {@code qty} out; the caller has checked that it is on hand. */
  Issue issue(BigDecimal qty);

  /** Puts an earlier issue back, at the value it left with. */
  StockPosition restore(List<Layer> consumed);

  /** Takes a receipt back out, or {@code null} when its stock is no longer there to take. */
  @Nullable StockPosition withoutReceipt(BigDecimal qty, BigDecimal value, String source);

  /** How much of {@code qty} received by {@code source} is still on hand. */
  BigDecimal onHandFrom(String source, BigDecimal qty);

  /** Adds a value change (invoice price difference) to the stock still on hand from {@code source}. */
  StockPosition revalue(BigDecimal amount, String source);

  /** FIFO layers, oldest first; {@code null} under moving average. */
  @Nullable List<Layer> layers();

  /** The outcome of an issue: the new position, the value that left, the slices it took. */
  record Issue(StockPosition after, BigDecimal value, List<Layer> consumed) {}
}
