package dev.tangram.plugins.ledger.internal;

import dev.tangram.plugins.ledger.SimulationResult.Statements;
import dev.tangram.plugins.ledger.SimulationResult.TrialBalance;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reports over a book: trial balance (with roll-up to parent accounts), general ledger of an
 * account, a simple profit and loss and balance sheet.
 */
public final class LedgerReports {

  /** A trial-balance row: opening, period debit and credit turnover, closing (debit minus credit). */
  public record TrialBalanceRow(String account, String name, BigDecimal opening, BigDecimal debit,
      BigDecimal credit, BigDecimal closing) {}

  /** One posting on an account, with the running balance after it. */
  public record GeneralLedgerEntry(String date, String voucher, String source, BigDecimal debit,
      BigDecimal credit, BigDecimal balance) {}

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
}
