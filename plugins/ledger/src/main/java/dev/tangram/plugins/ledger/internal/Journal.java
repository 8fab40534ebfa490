package dev.tangram.plugins.ledger.internal;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The posted vouchers, append-only. There is no update or delete: a voucher is reversed by posting
 * another, and only the link between the two is recorded here.
 */
final class Journal {

  private final List<Voucher> vouchers = new ArrayList<>();
  private final Map<String, Voucher> byId = new HashMap<>();
  private final Map<String, String> reversedBy = new HashMap<>();
  private final Map<String, List<Voucher>> byDocument = new HashMap<>();
  private final Map<YearMonth, Integer> sequenceByPeriod = new HashMap<>();
  private final Balances balances = new Balances();

  Voucher post(VoucherDraft draft) {
    YearMonth period = YearMonth.from(draft.date());
    int seq = sequenceByPeriod.merge(period, 1, Integer::sum);
    String no = "记-%d-%02d-%04d".formatted(period.getYear(), period.getMonthValue(), seq);
    Voucher voucher = new Voucher("V" + (vouchers.size() + 1), no, draft.date(), draft.source(),
        draft.document(), draft.lines(), draft.movements(), draft.reversalOf());
    vouchers.add(voucher);
    byId.put(voucher.id(), voucher);
    byDocument.computeIfAbsent(voucher.document(), d -> new ArrayList<>()).add(voucher);
    if (voucher.reversalOf() != null) reversedBy.put(voucher.reversalOf(), voucher.id());
    balances.post(voucher);
    return voucher;
  }

  Optional<Voucher> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  boolean isReversed(String id) {
    return reversedBy.containsKey(id);
  }

  /** Every voucher posted under a document's idempotency key, reversals included. */
  List<Voucher> ofDocument(String document) {
    return byDocument.getOrDefault(document, List.of());
  }

  /** The vouchers of a document that still count: neither reversed nor reversals. */
  List<Voucher> liveOfDocument(String document) {
    return ofDocument(document).stream()
        .filter(v -> v.reversalOf() == null && !isReversed(v.id())).toList();
  }

  List<Voucher> all() {
    return Collections.unmodifiableList(vouchers);
  }

  Balances balances() {
    return balances;
  }

  String statusOf(Voucher voucher) {
    if (isReversed(voucher.id())) return "reversed";
    return voucher.reversalOf() == null ? "posted" : "posted (reversalOf " + voucher.reversalOf() + ")";
  }
}
