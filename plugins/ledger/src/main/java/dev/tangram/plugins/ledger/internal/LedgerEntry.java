package dev.tangram.plugins.ledger.internal;

import dev.tangram.plugins.ledger.SimulationResult.VoucherView;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One accepted operation of persistent books, as the journal keeps it: written once, in sequence,
 * never changed. Replaying the entries in order rebuilds the books (balances, stock layers,
 * periods, chart); the vouchers each entry posted are stored with it and checked on replay.
 *
 * @param seq        1, 2, 3… without gaps: the write guard (two writers cannot both take one number)
 * @param sourceKey  {@code form/recordId/operation} of the record it came from; one entry per key
 * @param kind       {@code setup} (payload: the set-up input), {@code accounts} (chart changes) or
 *                   {@code event} (a document or action, payload: the ledger event)
 * @param outcome    the document's status after it, e.g. {@code posted}, {@code cancelled}
 * @param payload    the operation as JSON
 * @param vouchers   the vouchers it posted
 */
record LedgerEntry(
    long seq, @Nullable String sourceKey, String kind, @Nullable String documentNo, @Nullable String date,
    String outcome, String payload, List<VoucherView> vouchers) {

  static final String SETUP = "setup";
  static final String ACCOUNTS = "accounts";
  static final String EVENT = "event";

  LedgerEntry {
    vouchers = List.copyOf(vouchers);
  }

  LedgerEntry withSeq(long newSeq) {
    return new LedgerEntry(newSeq, sourceKey, kind, documentNo, date, outcome, payload, vouchers);
  }
}
