package dev.tangram.plugins.ledger.internal;

import dev.tangram.plugins.ledger.LedgerRefusedException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Closing and reopening months (DOMAIN §2.5): close carries P&L to 3103 and locks the month and all
 * before it; months close in order; only the latest closed month reopens, reversing its closing
 * vouchers.
 */
final class PeriodControl {

  private final LedgerBook book;
  private final Periods periods;
  private final Journal journal;
  private final List<VoucherLine> openings;
  private final LedgerSetup setup;

  PeriodControl(LedgerBook book, Periods periods, Journal journal, List<VoucherLine> openings, LedgerSetup setup) {
    this.book = book;
    this.periods = periods;
    this.journal = journal;
    this.openings = openings;
    this.setup = setup;
  }

  /** Marks a month closed without a closing voucher (it was closed before the books were loaded). */
  void markClosed(YearMonth period) {
    periods.close(period);
  }

  /** The latest closed month, if any: it and every month before it refuse postings. */
  java.util.Optional<YearMonth> lastClosedPeriod() {
    return periods.lastClosed();
  }

  LedgerBook.Outcome close(YearMonth period) {
    if (periods.isClosed(period)) {
      throw new LedgerRefusedException("period_closed", "period", "Period " + period + " is already closed");
    }
    periods.lastClosed().ifPresentOrElse(last -> {
      if (!period.equals(last.plusMonths(1)) && hasVouchersBetween(last.plusMonths(1), period.minusMonths(1))) {
        throw previousOpen(period);
      }
    }, () -> {
      if (hasVouchersBetween(YearMonth.of(1, 1), period.minusMonths(1))) throw previousOpen(period);
    });
    List<VoucherDraft> drafts = PeriodCloser.closingVouchers(period, journal, openings, setup.chart(), setup.rules());
    List<String> ids = book.commit(drafts, book.stockWorkspace());
    periods.close(period);
    return new LedgerBook.Outcome("closed", ids);
  }

  LedgerBook.Outcome reopen(YearMonth period) {
    if (periods.lastClosed().filter(period::equals).isEmpty()) {
      throw new LedgerRefusedException("period_not_last_closed", "period",
          "Only the latest closed period can be reopened, not " + period);
    }
    periods.reopen(period);
    try {
      StockWorkspace workspace = book.stockWorkspace();
      List<VoucherDraft> drafts = new ArrayList<>();
      for (Voucher v : journal.liveOfDocument(PeriodCloser.DOCUMENT_PREFIX + period).reversed()) {
        drafts.add(Reversals.reverse(v, period.atEndOfMonth(), v.source() + " (reopen)",
            setup.settings().reversal(), workspace));
      }
      return new LedgerBook.Outcome("reopened", book.commit(drafts, workspace));
    } catch (RuntimeException e) {
      periods.close(period);
      throw e;
    }
  }

  private boolean hasVouchersBetween(YearMonth from, YearMonth to) {
    return !from.isAfter(to) && journal.all().stream()
        .anyMatch(v -> !v.period().isBefore(from) && !v.period().isAfter(to));
  }

  private static LedgerRefusedException previousOpen(YearMonth period) {
    return new LedgerRefusedException("previous_period_open", "period",
        "An earlier period with postings is still open; close it before " + period);
  }
}
