package dev.tangram.plugins.ledger.internal;

import static dev.tangram.plugins.ledger.internal.LedgerTestBooks.customerInvoice;
import static dev.tangram.plugins.ledger.internal.LedgerTestBooks.delivery;
import static dev.tangram.plugins.ledger.internal.LedgerTestBooks.journal;
import static dev.tangram.plugins.ledger.internal.LedgerTestBooks.receipt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tangram.plugins.ledger.LedgerRefusedException;
import dev.tangram.plugins.ledger.LedgerSettings;
import dev.tangram.plugins.ledger.internal.LedgerReports.StatementRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Period close (结转损益 to 3103, December to 3104), reopening, and the P&L and balance sheet, on a
 * month worked out by hand:
 * receipt 10 × 60.00 (Dr 1405 600 / Cr 220202 600), delivery of 4 (COGS 240.00), invoice 500.00
 * + 13 % VAT (Dr 1122 565 / Cr 5001 500, Cr 222102 65), office expense 30.00 paid from the bank.
 * January profit = 500 - 240 - 30 = 230.
 */
class PeriodCloseAndStatementsTests {

  private static final YearMonth JAN = YearMonth.of(2025, 1);
  private LedgerBook book;

  @BeforeEach
  void january() {
    book = LedgerTestBooks.open(LedgerSettings.defaults());
    book.post(receipt("GR1", "2025-01-10", "G1", 10, new BigDecimal("60.00")));
    book.post(delivery("DN1", "2025-01-15", "G1", 4));
    book.post(customerInvoice("SI1", "2025-01-16", new BigDecimal("500.00")));
    book.post(journal("J1", "2025-01-20", "560203", "1002", new BigDecimal("30.00")));
  }

  @Test
  void profitAndLossOfAMonthByAccountHead() {
    var pl = LedgerReports.profitAndLoss(book, JAN, JAN);
    assertThat(amounts(pl.income())).containsExactlyEntriesOf(Map.of("5001", money("500.00")));
    assertThat(amounts(pl.expenses())).containsOnly(Map.entry("5401", money("240.00")), Map.entry("5602", money("30.00")));
    assertThat(pl.totalIncome()).isEqualByComparingTo("500.00");
    assertThat(pl.totalExpenses()).isEqualByComparingTo("270.00");
    assertThat(pl.netProfit()).isEqualByComparingTo("230.00");
  }

  @Test
  void balanceSheetBalancesWithTheUnclosedProfitInEquity() {
    var bs = LedgerReports.balanceSheet(book, LocalDate.of(2025, 1, 31));
    assertThat(amounts(bs.assets())).containsOnly(Map.entry("1002", money("99970.00")),
        Map.entry("1122", money("565.00")), Map.entry("1405", money("360.00")));
    assertThat(amounts(bs.liabilities())).containsOnly(Map.entry("2202", money("600.00")), Map.entry("2221", money("65.00")));
    assertThat(amounts(bs.equity())).containsOnly(Map.entry("3001", money("100000.00")),
        Map.entry(LedgerReports.UNCLOSED_PROFIT, money("230.00")));
    assertThat(bs.totalAssets()).isEqualByComparingTo("100895.00");
    assertThat(bs.totalLiabilities().add(bs.totalEquity())).isEqualByComparingTo("100895.00");
  }

  @Test
  void closingJanuaryCarriesEachProfitAndLossBalanceTo3103() {
    var outcome = book.closePeriod(JAN);

    assertThat(outcome.newVoucherIds()).hasSize(1);
    Voucher closing = book.journal().find(outcome.newVoucherIds().getFirst()).orElseThrow();
    assertThat(closing.date()).isEqualTo(LocalDate.of(2025, 1, 31));
    assertThat(byAccount(closing)).containsOnly(
        Map.entry("5001", money("500.00")), // Dr income
        Map.entry("5401", money("-240.00")), // Cr expenses
        Map.entry("560203", money("-30.00")),
        Map.entry("3103", money("-230.00"))); // Cr 本年利润: the month's profit
    Balances balances = book.journal().balances();
    assertThat(balances.of("5001")).isZero();
    assertThat(balances.of("5401")).isZero();
    assertThat(balances.of("560203")).isZero();
    assertThat(balances.of("3103")).isEqualByComparingTo("-230.00");
    // The closed month still reports what it earned; the balance sheet now shows it in 3103.
    assertThat(LedgerReports.profitAndLoss(book, JAN, JAN).netProfit()).isEqualByComparingTo("230.00");
    var bs = LedgerReports.balanceSheet(book, LocalDate.of(2025, 1, 31));
    assertThat(amounts(bs.equity())).containsOnly(Map.entry("3001", money("100000.00")), Map.entry("3103", money("230.00")));
    assertThat(bs.totalAssets()).isEqualByComparingTo(bs.totalLiabilities().add(bs.totalEquity()));
  }

  @Test
  void closedMonthRefusesBackDatedPostingsAndChangesNothing() {
    book.closePeriod(JAN);
    int vouchers = book.journal().all().size();

    assertThatThrownBy(() -> book.post(customerInvoice("SI9", "2025-01-31", new BigDecimal("10.00"))))
        .isInstanceOfSatisfying(LedgerRefusedException.class, e -> assertThat(e.code()).isEqualTo("period_closed"));
    assertThatThrownBy(() -> book.cancel("SI1", LocalDate.of(2025, 1, 28)))
        .isInstanceOfSatisfying(LedgerRefusedException.class, e -> assertThat(e.code()).isEqualTo("period_closed"));
    assertThat(book.journal().all()).hasSize(vouchers);
    assertThat(book.documents().find("SI9")).isEmpty();
    // Cancelling in February is fine: the reversal is dated in the open month.
    book.cancel("SI1", LocalDate.of(2025, 2, 3));
    assertThat(book.journal().balances().of("5001")).isEqualByComparingTo("500.00");
  }

  @Test
  void decemberCloseCarriesTheYearsProfitFrom3103To3104AndReopeningTakesItBack() {
    book.closePeriod(JAN);
    book.post(customerInvoice("SI2", "2025-02-10", new BigDecimal("200.00")));
    book.closePeriod(YearMonth.of(2025, 2));
    book.post(customerInvoice("SI3", "2025-12-05", new BigDecimal("100.00")));
    // Months without postings in between may stay open; December closes after February.
    var december = book.closePeriod(YearMonth.of(2025, 12));

    assertThat(december.newVoucherIds()).hasSize(2);
    Voucher carry = book.journal().find(december.newVoucherIds().get(1)).orElseThrow();
    assertThat(byAccount(carry)).containsOnly(Map.entry("3103", money("530.00")), Map.entry("3104", money("-530.00")));
    Balances balances = book.journal().balances();
    assertThat(balances.of("3103")).isZero();
    assertThat(balances.of("3104")).isEqualByComparingTo("-530.00");
    assertThat(LedgerReports.profitAndLoss(book, JAN, YearMonth.of(2025, 12)).netProfit()).isEqualByComparingTo("530.00");

    book.reopenPeriod(YearMonth.of(2025, 12));
    assertThat(balances.of("3104")).isZero();
    assertThat(balances.of("3103")).isEqualByComparingTo("-430.00");
    assertThat(balances.of("5001")).isEqualByComparingTo("-100.00");
    assertThatThrownBy(() -> book.reopenPeriod(JAN))
        .isInstanceOfSatisfying(LedgerRefusedException.class, e -> assertThat(e.code()).isEqualTo("period_not_last_closed"));
  }

  private static Map<String, BigDecimal> byAccount(Voucher voucher) {
    return voucher.lines().stream().collect(Collectors.toMap(VoucherLine::account, VoucherLine::balance, BigDecimal::add));
  }

  private static Map<String, BigDecimal> amounts(List<StatementRow> rows) {
    return rows.stream().collect(Collectors.toMap(StatementRow::account, StatementRow::amount));
  }

  private static BigDecimal money(String value) {
    return new BigDecimal(value);
  }
}
