package dev.tangram.plugins.ledger.internal;

import java.util.List;
import java.util.Optional;

/**
 * Where persistent books keep their entries. Appending is the only write and the only place
 * concurrency is decided: the sequence number is unique, so of two writers that planned the same
 * next entry number exactly one succeeds.
 */
interface LedgerLog {

  /** Entries with {@code from <= seq < from + count}, in sequence order. */
  List<LedgerEntry> range(long from, int count);

  /**
   * Writes {@code entry} under its sequence number, or returns the entry another writer already
   * wrote under that number (compare {@link LedgerEntry#payload()} to tell).
   */
  LedgerEntry append(LedgerEntry entry);

  /** The entry written under {@code seq}, if any; cheap (a read by key), called on every operation. */
  Optional<LedgerEntry> find(long seq);
}
