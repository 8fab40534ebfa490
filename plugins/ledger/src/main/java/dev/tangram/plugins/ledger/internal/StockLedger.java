package dev.tangram.plugins.ledger.internal;

import dev.tangram.plugins.ledger.LedgerSettings.Valuation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The stock ledger (库存流水) and balance (库存余额) per item and warehouse. Written only by
 * {@link StockWorkspace#commit()}, after the vouchers that carry the same movements were accepted.
 */
final class StockLedger {

  /** One line of the stock ledger: the position right after {@code document} moved it. */
  record Entry(String document, LocalDate date, StockMovement movement, StockPosition after) {}

  private final Valuation valuation;
  private final Map<StockKey, StockPosition> positions = new TreeMap<>();
  private final Map<StockKey, LocalDate> lastMovement = new HashMap<>();
  private final List<Entry> entries = new ArrayList<>();

  StockLedger(Valuation valuation) {
    this.valuation = valuation;
  }

  StockPosition emptyPosition(String account) {
    return valuation == Valuation.FIFO ? FifoPosition.empty(account) : MovingAveragePosition.empty(account);
  }

  Optional<StockPosition> find(StockKey key) {
    return Optional.ofNullable(positions.get(key));
  }

  Optional<LocalDate> lastMovement(StockKey key) {
    return Optional.ofNullable(lastMovement.get(key));
  }

  void apply(List<Entry> newEntries) {
    for (Entry entry : newEntries) {
      StockKey key = entry.movement().key();
      positions.put(key, entry.after());
      lastMovement.merge(key, entry.date(), (a, b) -> a.isAfter(b) ? a : b);
      entries.add(entry);
    }
  }

  Map<StockKey, StockPosition> positions() {
    return Collections.unmodifiableMap(positions);
  }

  List<Entry> entries() {
    return Collections.unmodifiableList(entries);
  }

  /** Stock value per GL stock account, for the GL-equals-stock-ledger invariant. */
  Map<String, BigDecimal> valueByAccount() {
    Map<String, BigDecimal> byAccount = new TreeMap<>();
    positions.values().forEach(p -> byAccount.merge(p.account(), p.value(), BigDecimal::add));
    return byAccount;
  }
}
