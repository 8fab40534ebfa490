package dev.tangram.plugins.ledger.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Accounting periods (months). Closing works like a lock date: once a month is closed, it and every
 * month before it refuse postings, so closing is ordered and reopening goes latest first.
 */
final class Periods {

  private final TreeSet<YearMonth> closed = new TreeSet<>();

  boolean isClosed(LocalDate date) {
    return isClosed(YearMonth.from(date));
  }

  boolean isClosed(YearMonth period) {
    return !closed.isEmpty() && !period.isAfter(closed.last());
  }

  Optional<YearMonth> lastClosed() {
    return closed.isEmpty() ? Optional.empty() : Optional.of(closed.last());
  }

  void close(YearMonth period) {
    closed.add(period);
  }

  void reopen(YearMonth period) {
    closed.remove(period);
  }

  NavigableSet<YearMonth> closed() {
    return Collections.unmodifiableNavigableSet(closed);
  }
}
