package dev.tangram.plugins.ledger.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A voucher not yet posted, with the stock movements that must happen together with it.
 *
 * @param source     the document number (or {@code <no> (cancel)} for a reversal)
 * @param document   the document whose idempotency key this voucher belongs to
 * @param reversalOf the voucher this one reverses
 */
record VoucherDraft(
    LocalDate date, String source, String document, List<VoucherLine> lines,
    List<StockMovement> movements, @Nullable String reversalOf) {

  static VoucherDraft of(LocalDate date, String document, List<VoucherLine> lines,
      List<StockMovement> movements) {
    return new VoucherDraft(date, document, document, lines, movements, null);
  }

  /**
   * Lines with the same account, party, dimensions and side merged (convention 7), zero lines
   * dropped. Posting rules use it; manual journals keep their lines as typed.
   */
  VoucherDraft merged() {
    List<VoucherLine> out = new ArrayList<>();
    for (VoucherLine line : lines) {
      if (line.isZero()) continue;
      int at = indexOfBucket(out, line);
      if (at < 0) out.add(line);
      else out.set(at, out.get(at).plus(line));
    }
    return new VoucherDraft(date, source, document, out, movements, reversalOf);
  }

  private static int indexOfBucket(List<VoucherLine> lines, VoucherLine line) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).sameBucket(line)) return i;
    }
    return -1;
  }

  BigDecimal totalDebit() {
    return lines.stream().map(VoucherLine::debit).reduce(Amounts.ZERO, BigDecimal::add);
  }

  BigDecimal totalCredit() {
    return lines.stream().map(VoucherLine::credit).reduce(Amounts.ZERO, BigDecimal::add);
  }
}
