package dev.tangram.plugins.ledger.internal;

import dev.tangram.plugins.ledger.SimulationResult.Statements;
import dev.tangram.plugins.ledger.SimulationResult.TrialBalance;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reports over a book: trial balance (with roll-up to parent accounts), general ledger of an
 * account, profit and loss over months, balance sheet at a date.
 */
public final class LedgerReports {

  /** A trial-balance row: opening, period debit and credit turnover, closing (debit minus credit). */
  public record TrialBalanceRow(String account, String name, BigDecimal opening, BigDecimal debit,
      BigDecimal credit, BigDecimal closing) {}

  /** One posting on an account, with the running balance after it. */
  public record GeneralLedgerEntry(String date, String voucher, String source, BigDecimal debit,
      BigDecimal credit, BigDecimal balance) {}

  /** An account (rolled up to its 4-digit head) with an amount on its normal side. */
  public record StatementRow(String account, String name, BigDecimal amount) {}

  /**
   * 利润表 for a range of months: income and expense accounts by head, amounts on their normal
   * side (income as credit minus debit, expenses as debit minus credit). The 结转损益 vouchers of
   * period close are left out, so a closed month shows what it earned, not zero.
   */
  public record ProfitAndLoss(List<StatementRow> income, List<StatementRow> expenses,
      BigDecimal totalIncome, BigDecimal totalExpenses, BigDecimal netProfit) {}

  /**
   * 资产负债表 at the end of a day: assets (with cost accounts such as 4001 work in progress) as
   * debit balances, liabilities and equity as credit balances; profit not yet carried to 3103 is
   * shown as its own equity line, so {@code totalAssets = totalLiabilities + totalEquity}.
   */
  public record BalanceSheet(List<StatementRow> assets, List<StatementRow> liabilities,
      List<StatementRow> equity, BigDecimal totalAssets, BigDecimal totalLiabilities, BigDecimal totalEquity) {}

  /** Name of the equity line for profit of open months, in {@link BalanceSheet#equity()}. */
  public static final String UNCLOSED_PROFIT = "profit";

  /** Debit and credit totals of one posted voucher. */
  public record VoucherTotals(String id, BigDecimal totalDebit, BigDecimal totalCredit) {}

  private LedgerReports() {}

  public static List<VoucherTotals> voucherTotals(LedgerBook book) {
    return book.journal().all().stream().map(v -> new VoucherTotals(v.id(), v.totalDebit(), v.totalCredit())).toList();
  }

  /** Value of all stock on hand, from the stock ledger (not the GL). */
  public static BigDecimal stockValue(LedgerBook book) {
    return book.stock().positions().values().stream().map(StockPosition::value).reduce(Amounts.ZERO, BigDecimal::add);
  }

  static TrialBalance trialBalanceTotals(Balances balances) {
    BigDecimal debit = Amounts.ZERO;
    BigDecimal credit = Amounts.ZERO;
    for (BigDecimal b : balances.byAccount().values()) {
      if (b.signum() > 0) debit = debit.add(b);
      else credit = credit.subtract(b);
    }
    return new TrialBalance(debit, credit);
  }

  /** Every account with a balance or a movement, parents carrying the sums of their children. */
  public static List<TrialBalanceRow> trialBalance(LedgerBook book) {
    Map<String, BigDecimal[]> rows = new TreeMap<>();
    for (VoucherLine o : book.openings()) addUp(rows, o.account(), o.balance(), Amounts.ZERO, Amounts.ZERO);
    for (Voucher v : book.journal().all()) {
      for (VoucherLine l : v.lines()) addUp(rows, l.account(), Amounts.ZERO, l.debit(), l.credit());
    }
    List<TrialBalanceRow> out = new ArrayList<>();
    rows.forEach((code, r) -> out.add(new TrialBalanceRow(code, book.setup().chart().find(code).map(Account::name).orElse(code),
        r[0], r[1], r[2], r[0].add(r[1]).subtract(r[2]))));
    return out;
  }

  private static void addUp(Map<String, BigDecimal[]> rows, String account, BigDecimal opening, BigDecimal debit, BigDecimal credit) {
    for (int len = account.length(); len >= 4; len -= 2) {
      BigDecimal[] r = rows.computeIfAbsent(account.substring(0, len), k -> new BigDecimal[] {Amounts.ZERO, Amounts.ZERO, Amounts.ZERO});
      r[0] = r[0].add(opening);
      r[1] = r[1].add(debit);
      r[2] = r[2].add(credit);
    }
  }

  public static List<GeneralLedgerEntry> generalLedger(LedgerBook book, String account) {
    BigDecimal running = book.openings().stream().filter(l -> l.account().equals(account))
        .map(VoucherLine::balance).reduce(Amounts.ZERO, BigDecimal::add);
    List<GeneralLedgerEntry> out = new ArrayList<>();
    for (Voucher v : book.journal().all()) {
      for (VoucherLine l : v.lines()) {
        if (!l.account().equals(account)) continue;
        running = running.add(l.balance());
        out.add(new GeneralLedgerEntry(v.date().toString(), v.id(), v.source(), l.debit(), l.credit(), running));
      }
    }
    return out;
  }

  static Statements statements(LedgerBook book) {
    Map<AccountType, BigDecimal> byType = new TreeMap<>();
    book.journal().balances().byAccount().forEach((code, balance) -> {
      AccountType type = book.setup().chart().find(code).map(Account::type).orElse(AccountType.fromCode(code));
      byType.merge(type, balance, BigDecimal::add);
    });
    BigDecimal income = byType.getOrDefault(AccountType.INCOME, Amounts.ZERO).negate();
    BigDecimal expenses = byType.getOrDefault(AccountType.EXPENSE, Amounts.ZERO);
    BigDecimal profit = income.subtract(expenses);
    BigDecimal assets = byType.getOrDefault(AccountType.ASSET, Amounts.ZERO).add(byType.getOrDefault(AccountType.COST, Amounts.ZERO));
    BigDecimal liabilities = byType.getOrDefault(AccountType.LIABILITY, Amounts.ZERO).negate();
    BigDecimal equity = byType.getOrDefault(AccountType.EQUITY, Amounts.ZERO).negate().add(profit);
    return new Statements(income, expenses, profit, assets, liabilities, equity);
  }

  public static ProfitAndLoss profitAndLoss(LedgerBook book, YearMonth from, YearMonth to) {
    Map<String, BigDecimal> byHead = new TreeMap<>();
    for (Voucher v : book.journal().all()) {
      if (v.period().isBefore(from) || v.period().isAfter(to)) continue;
      if (v.document().startsWith(PeriodCloser.DOCUMENT_PREFIX)) continue;
      for (VoucherLine l : v.lines()) {
        if (typeOf(book, l.account()).isProfitAndLoss()) byHead.merge(head(l.account()), l.balance(), BigDecimal::add);
      }
    }
    List<StatementRow> income = new ArrayList<>();
    List<StatementRow> expenses = new ArrayList<>();
    byHead.forEach((code, balance) -> {
      if (typeOf(book, code) == AccountType.INCOME) income.add(row(book, code, balance.negate()));
      else expenses.add(row(book, code, balance));
    });
    BigDecimal totalIncome = sum(income);
    BigDecimal totalExpenses = sum(expenses);
    return new ProfitAndLoss(income, expenses, totalIncome, totalExpenses, totalIncome.subtract(totalExpenses));
  }

  public static BalanceSheet balanceSheet(LedgerBook book, LocalDate asOf) {
    Map<String, BigDecimal> byHead = new TreeMap<>();
    for (VoucherLine o : book.openings()) byHead.merge(head(o.account()), o.balance(), BigDecimal::add);
    for (Voucher v : book.journal().all()) {
      if (v.date().isAfter(asOf)) continue;
      for (VoucherLine l : v.lines()) byHead.merge(head(l.account()), l.balance(), BigDecimal::add);
    }
    List<StatementRow> assets = new ArrayList<>();
    List<StatementRow> liabilities = new ArrayList<>();
    List<StatementRow> equity = new ArrayList<>();
    BigDecimal profit = Amounts.ZERO;
    for (var e : byHead.entrySet()) {
      BigDecimal balance = e.getValue();
      switch (typeOf(book, e.getKey())) {
        case ASSET, COST -> { if (balance.signum() != 0) assets.add(row(book, e.getKey(), balance)); }
        case LIABILITY -> { if (balance.signum() != 0) liabilities.add(row(book, e.getKey(), balance.negate())); }
        case EQUITY -> { if (balance.signum() != 0) equity.add(row(book, e.getKey(), balance.negate())); }
        case INCOME, EXPENSE -> profit = profit.subtract(balance);
      }
    }
    if (profit.signum() != 0) equity.add(new StatementRow(UNCLOSED_PROFIT, "本期未结转损益", profit));
    return new BalanceSheet(assets, liabilities, equity, sum(assets), sum(liabilities), sum(equity));
  }

  private static String head(String account) {
    return account.length() > 4 ? account.substring(0, 4) : account;
  }

  private static AccountType typeOf(LedgerBook book, String code) {
    return book.setup().chart().find(code).map(Account::type).orElse(AccountType.fromCode(code));
  }

  private static StatementRow row(LedgerBook book, String code, BigDecimal amount) {
    return new StatementRow(code, book.setup().chart().find(code).map(Account::name).orElse(code), amount);
  }

  private static BigDecimal sum(List<StatementRow> rows) {
    return rows.stream().map(StatementRow::amount).reduce(Amounts.ZERO, BigDecimal::add);
  }
}
