package dev.tangram.plugins.ledger.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A posted voucher (记账凭证). Immutable: whether it has been reversed is kept by the
 * {@link Journal}, never written into the voucher.
 *
 * @param id  {@code V1}, {@code V2}… in posting order
 * @param no  per-period sequence, e.g. {@code 记-2025-03-0001}
 */
record Voucher(
    String id, String no, LocalDate date, String source, String document, List<VoucherLine> lines,
    List<StockMovement> movements, @Nullable String reversalOf) {

  Voucher {
    lines = List.copyOf(lines);
    movements = List.copyOf(movements);
  }

  YearMonth period() {
    return YearMonth.from(date);
  }

  BigDecimal totalDebit() {
    return lines.stream().map(VoucherLine::debit).reduce(Amounts.ZERO, BigDecimal::add);
  }

  BigDecimal totalCredit() {
    return lines.stream().map(VoucherLine::credit).reduce(Amounts.ZERO, BigDecimal::add);
  }
}
