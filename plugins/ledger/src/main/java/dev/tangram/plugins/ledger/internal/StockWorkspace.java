package dev.tangram.plugins.ledger.internal;

import dev.tangram.plugins.ledger.LedgerRefusedException;
import dev.tangram.plugins.ledger.internal.StockMovement.Issued;
import dev.tangram.plugins.ledger.internal.StockMovement.Received;
import dev.tangram.plugins.ledger.internal.StockMovement.Revalued;
import dev.tangram.plugins.ledger.internal.StockMovement.Undone;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stock changes of one operation, computed against the stock ledger without touching it. Refusals
 * (negative stock, back-dating) are thrown here; {@link #commit()} writes everything at once.
 */
final class StockWorkspace {

  private final StockLedger ledger;
  private final Map<StockKey, StockPosition> overlay = new HashMap<>();
  private final List<StockLedger.Entry> entries = new ArrayList<>();

  StockWorkspace(StockLedger ledger) {
    this.ledger = ledger;
  }

  BigDecimal onHand(StockKey key) {
    StockPosition position = overlay.get(key);
    if (position != null) return position.qty();
    return ledger.find(key).map(StockPosition::qty).orElse(BigDecimal.ZERO);
  }

  StockPosition position(StockKey key, String accountIfNew) {
    StockPosition position = overlay.get(key);
    if (position == null) position = ledger.find(key).orElse(null);
    if (position == null) return ledger.emptyPosition(accountIfNew);
    // An emptied position may be re-opened on another stock account by a new receipt; a reversal
    // (no account given) puts stock back where it was.
    boolean empty = position.qty().signum() == 0 && position.value().signum() == 0;
    return empty && !accountIfNew.isEmpty() ? ledger.emptyPosition(accountIfNew) : position;
  }

  Received receive(StockKey key, String account, BigDecimal qty, BigDecimal value, String document,
      LocalDate date, String field) {
    StockPosition position = position(key, account);
    checkNotBackDated(key, date);
    var movement = new Received(key, qty, value, document);
    record(document, date, movement, position.receive(qty, value, document));
    return movement;
  }

  Issued issue(StockKey key, BigDecimal qty, String document, LocalDate date, String field) {
    StockPosition position = position(key, "");
    checkNotBackDated(key, date);
    if (qty.compareTo(position.qty()) > 0) {
      throw new LedgerRefusedException("negative_stock", field, "Cannot issue " + qty.stripTrailingZeros()
          .toPlainString() + " of " + key + ": only " + position.qty().stripTrailingZeros().toPlainString() + " on hand");
    }
    StockPosition.Issue issue = position.issue(qty);
    var movement = new Issued(key, qty, issue.value(), issue.consumed());
    record(document, date, movement, issue.after());
    return movement;
  }

  /** Stock account of the position, for a posting that issues from it. */
  String accountOf(StockKey key, String fallback) {
    String account = position(key, fallback).account();
    return account.isEmpty() ? fallback : account;
  }

  BigDecimal onHandFrom(StockKey key, String source, BigDecimal received) {
    return position(key, "").onHandFrom(source, received);
  }

  Revalued revalue(StockKey key, BigDecimal amount, String source, String document, LocalDate date) {
    var movement = new Revalued(key, amount, source);
    record(document, date, movement, position(key, "").revalue(amount, source));
    return movement;
  }

  /** Takes a movement back, for a reversal voucher. */
  Undone undo(StockMovement movement, String document, LocalDate date) {
    StockKey key = movement.key();
    StockPosition position = position(key, "");
    StockPosition after = switch (movement) {
      case Received r -> position.withoutReceipt(r.qty(), r.value(), r.source());
      case Issued i -> position.restore(i.consumed());
      case Revalued v -> position.onHandFrom(v.source(), position.qty()).signum() > 0
          ? position.revalue(v.amount().negate(), v.source()) : null;
      case Undone u -> throw new IllegalStateException("A reversal is never reversed");
    };
    if (after == null) {
      throw new LedgerRefusedException("negative_stock", "target", "Cannot take back " + movement.getClass()
          .getSimpleName().toLowerCase() + " of " + key + ": that stock has already been issued");
    }
    Undone undone = new Undone(movement);
    record(document, date, undone, after);
    return undone;
  }

  private void checkNotBackDated(StockKey key, LocalDate date) {
    ledger.lastMovement(key).filter(date::isBefore).ifPresent(last -> {
      throw new LedgerRefusedException("stock_backdated", "date",
          "Stock of " + key + " last moved on " + last + "; a movement dated " + date
              + " would need a revaluation run");
    });
  }

  private void record(String document, LocalDate date, StockMovement movement, StockPosition after) {
    overlay.put(movement.key(), after);
    entries.add(new StockLedger.Entry(document, date, movement, after));
  }

  void commit() {
    ledger.apply(entries);
  }
}
