package dev.tangram.plugins.ledger.internal;

import dev.tangram.plugins.ledger.LedgerRefusedException;
import dev.tangram.plugins.ledger.ReportInput;
import dev.tangram.plugins.ledger.ReportResult;
import java.time.LocalDate;
import java.time.YearMonth;

/** The {@code report} action over a book: one report per call, chosen by name. */
final class LedgerBookReports {

  private LedgerBookReports() {}

  static ReportResult of(LedgerBook book, ReportInput input, LocalDate today) {
    YearMonth first = book.journal().all().stream().map(Voucher::period).min(YearMonth::compareTo).orElse(YearMonth.from(today));
    YearMonth from = LedgerService.month(input.from(), first, "from");
    YearMonth to = LedgerService.month(input.to(), input.from() != null ? from : YearMonth.from(today), "to");
    return switch (input.report()) {
      case "trialBalance" -> new ReportResult(LedgerReports.trialBalance(book), null, null, null, null, null, null);
      case "profitAndLoss" -> new ReportResult(null, LedgerReports.profitAndLoss(book, from, to), null, null, null, null, null);
      case "balanceSheet" -> new ReportResult(null, null, LedgerReports.balanceSheet(book,
          input.asOf() == null ? today : LedgerDates.parse(input.asOf(), "asOf")), null, null, null, null);
      case "generalLedger" -> new ReportResult(null, null, null, LedgerReports.generalLedger(book,
          PostingContext.require(input.account(), "account", "Account")), null, null, null);
      case "vouchers" -> new ReportResult(null, null, null, null, book.journal().all().stream()
          .filter(v -> !v.period().isBefore(from) && !v.period().isAfter(to))
          .map(v -> SimulationReport.view(v, book.journal().statusOf(v))).toList(), null, null);
      case "stock" -> new ReportResult(null, null, null, null, null, SimulationReport.stock(book.stock()), null);
      case "accounts" -> new ReportResult(null, null, null, null, null, null, book.accounts());
      default -> throw new LedgerRefusedException("unknown_report", "report", "Unknown report '" + input.report()
          + "' (trialBalance, profitAndLoss, balanceSheet, generalLedger, vouchers, stock, accounts)");
    };
  }
}
