package dev.tangram.plugins.ledger.internal;

import dev.tangram.engine.common.ConflictException;
import dev.tangram.plugins.ledger.LedgerEvent;
import dev.tangram.plugins.ledger.LedgerRefusedException;
import dev.tangram.plugins.ledger.SimulationInput;
import dev.tangram.plugins.ledger.SimulationInput.AccountInput;
import dev.tangram.plugins.ledger.SimulationResult.LineView;
import dev.tangram.plugins.ledger.SimulationResult.VoucherView;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

/**
 * One app's persistent books: the journal ({@link LedgerLog}) is the truth, an in-memory
 * {@link LedgerBook} rebuilt from it is the working copy. Every operation catches up with entries
 * other nodes wrote, computes on the working copy (a refusal leaves it untouched), then appends one
 * entry under the next sequence number. If another writer took that number, or the write fails,
 * the working copy is dropped and rebuilt from the journal, and the operation is tried again on the
 * new state — so the journal never holds half an operation and two nodes never post against the
 * same stale stock.
 */
final class AppBooks {

  /** What an operation did to the working copy, to be written as one entry. */
  record Change(String kind, @Nullable String documentNo, @Nullable String date, String outcome, String payload,
      List<String> voucherIds) {}

  /** An entry and whether it was written by this call or found (an earlier posting of the source). */
  record Written(LedgerEntry entry, boolean duplicate) {}

  private static final int PAGE = 200; // the records API reads at most 200 records per query
  private static final int ATTEMPTS = 30;

  private @Nullable LedgerBook book;
  private long seq;
  private @Nullable String lastPayload;
  private final Map<String, LedgerEntry> bySource = new HashMap<>();

  /**
   * Applies one operation idempotently per {@code sourceKey} (null: not keyed).
   *
   * @param operation computes the change on the working copy, or returns null when there is
   *                  nothing to write (the working copy must then be unchanged)
   * @throws LedgerRefusedException when the books refuse it (nothing written)
   */
  synchronized Written apply(LedgerLog log, @Nullable String sourceKey, Function<LedgerBook, @Nullable Change> operation) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      LedgerBook books = current(log);
      if (sourceKey != null && bySource.containsKey(sourceKey)) return new Written(bySource.get(sourceKey), true);
      Change change;
      try {
        change = operation.apply(books);
      } catch (LedgerRefusedException refused) {
        throw refused;
      } catch (RuntimeException e) {
        drop();
        throw e;
      }
      if (change == null) {
        drop(); // the operation wrote nothing; whatever it touched is rebuilt from the journal
        return new Written(new LedgerEntry(seq, sourceKey, LedgerEntry.EVENT, null, null, "unchanged", "{}", List.of()), false);
      }
      LedgerEntry entry = new LedgerEntry(seq + 1, sourceKey, change.kind(), change.documentNo(), change.date(),
          change.outcome(), change.payload(), views(books, change.voucherIds()));
      if (write(log, entry)) return new Written(entry, false);
      backOff(attempt);
    }
    throw new ConflictException("ledger", "busy", "The books kept changing under this operation; try again");
  }

  /** The entry written for {@code sourceKey}, if any, once caught up with the journal. */
  synchronized java.util.Optional<LedgerEntry> written(LedgerLog log, String sourceKey) {
    catchUp(log);
    return java.util.Optional.ofNullable(bySource.get(sourceKey));
  }

  /** Runs a query on the caught-up working copy (on default books while nothing is written yet). */
  synchronized <T> T read(LedgerLog log, Function<LedgerBook, T> query) {
    catchUp(log);
    return query.apply(book != null ? book
        : LedgerBooks.open(new SimulationInput(null, null, null, null, null, null, null, null, null, null)));
  }

  /** Writes the set-up entry of empty books. */
  synchronized LedgerEntry setUp(LedgerLog log, SimulationInput setup) {
    current(log);
    if (seq > 0) {
      throw new LedgerRefusedException("already_set_up", "setup", "These books are already set up; change accounts instead");
    }
    LedgerEntry entry = setupEntry(setup);
    replayOne(entry); // refuses a bad set-up before anything is written
    drop();
    if (!write(log, entry)) throw new ConflictException("ledger", "alreadySetUp", "The books were set up by someone else meanwhile");
    return entry;
  }

  /** The working copy, caught up with the journal (set up with defaults when the journal is empty). */
  synchronized LedgerBook current(LedgerLog log) {
    catchUp(log);
    if (book == null) {
      LedgerEntry setup = setupEntry(new SimulationInput(null, null, null, null, null, null, null, null, null, null));
      if (!write(log, setup)) catchUp(log);
    }
    return Objects.requireNonNull(book);
  }

  /** Another node won the race for this entry number: wait a little, randomly, before planning again. */
  private static void backOff(int attempt) {
    try {
      Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 2 + Math.min(attempt, 10) * 5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConflictException("ledger", "interrupted", "Interrupted while the books were busy");
    }
  }

  private boolean write(LedgerLog log, LedgerEntry entry) {
    LedgerEntry stored;
    try {
      stored = log.append(entry);
    } catch (RuntimeException e) {
      drop();
      throw e;
    }
    if (!stored.payload().equals(entry.payload()) || !Objects.equals(stored.sourceKey(), entry.sourceKey())) {
      drop(); // another writer took this number: rebuild from the journal and plan again
      return false;
    }
    if (book == null) replayOne(stored);
    remember(stored);
    return true;
  }

  private void catchUp(LedgerLog log) {
    if (book != null) {
      // The entry last applied must still be there (else this is not the store we read), and
      // usually nothing follows it: two reads by id, no query.
      var last = log.find(seq);
      if (last.isEmpty() || !last.get().payload().equals(lastPayload)) drop();
      else if (log.find(seq + 1).isEmpty()) return;
    }
    while (true) {
      List<LedgerEntry> page = log.range(seq + 1, PAGE);
      for (LedgerEntry entry : page) {
        if (entry.seq() != seq + 1) throw new IllegalStateException("Ledger journal has a gap before entry " + entry.seq());
        replayOne(entry);
        remember(entry);
      }
      if (page.size() < PAGE) return;
    }
  }

  private void remember(LedgerEntry entry) {
    seq = entry.seq();
    lastPayload = entry.payload();
    if (entry.sourceKey() != null) bySource.put(entry.sourceKey(), entry);
  }

  private void drop() {
    book = null;
    seq = 0;
    lastPayload = null;
    bySource.clear();
  }

  /** Applies a journal entry to the working copy and checks it posts exactly the vouchers stored. */
  private void replayOne(LedgerEntry entry) {
    switch (entry.kind()) {
      case LedgerEntry.SETUP -> book = LedgerBooks.open(LedgerJson.MAPPER.readValue(entry.payload(), SimulationInput.class));
      case LedgerEntry.ACCOUNTS -> requireBook(entry).saveAccounts(
          LedgerJson.MAPPER.readValue(entry.payload(), new TypeReference<List<AccountInput>>() {}));
      case LedgerEntry.EVENT -> {
        LedgerBook books = requireBook(entry);
        var outcome = LedgerSimulation.apply(books, LedgerJson.MAPPER.readValue(entry.payload(), LedgerEvent.class));
        List<VoucherView> replayed = views(books, outcome.newVoucherIds());
        if (!sameVouchers(replayed, entry.vouchers())) {
          throw new IllegalStateException("Replaying ledger entry " + entry.seq() + " (" + entry.documentNo()
              + ") does not give the vouchers it posted; the posting rules changed under posted data");
        }
      }
      default -> throw new IllegalStateException("Unknown ledger entry kind '" + entry.kind() + "'");
    }
  }

  private LedgerBook requireBook(LedgerEntry entry) {
    if (book == null) throw new IllegalStateException("Ledger entry " + entry.seq() + " comes before the set-up");
    return book;
  }

  private static LedgerEntry setupEntry(SimulationInput setup) {
    if (setup.events() != null && !setup.events().isEmpty()) {
      throw new LedgerRefusedException("invalid_setup", "events", "A set-up has no events; post documents instead");
    }
    return new LedgerEntry(1, null, LedgerEntry.SETUP, null, null, "set up", LedgerJson.MAPPER.writeValueAsString(setup), List.of());
  }

  static List<VoucherView> views(LedgerBook books, List<String> ids) {
    return ids.stream().map(id -> books.journal().find(id).orElseThrow())
        .map(v -> SimulationReport.view(v, books.journal().statusOf(v))).toList();
  }

  private static boolean sameVouchers(List<VoucherView> a, List<VoucherView> b) {
    if (a.size() != b.size()) return false;
    for (int i = 0; i < a.size(); i++) {
      VoucherView x = a.get(i);
      VoucherView y = b.get(i);
      if (!x.id().equals(y.id()) || !x.date().equals(y.date()) || !Objects.equals(x.reversalOf(), y.reversalOf())
          || x.lines().size() != y.lines().size()) return false;
      for (int j = 0; j < x.lines().size(); j++) {
        if (!sameLine(x.lines().get(j), y.lines().get(j))) return false;
      }
    }
    return true;
  }

  private static boolean sameLine(LineView x, LineView y) {
    return x.account().equals(y.account()) && same(x.debit(), y.debit()) && same(x.credit(), y.credit())
        && Objects.equals(x.party(), y.party()) && Objects.equals(x.dept(), y.dept())
        && Objects.equals(x.item(), y.item()) && Objects.equals(x.warehouse(), y.warehouse());
  }

  private static boolean same(BigDecimal a, BigDecimal b) {
    return a.compareTo(b) == 0;
  }
}
