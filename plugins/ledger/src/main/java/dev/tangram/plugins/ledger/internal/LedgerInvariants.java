package dev.tangram.plugins.ledger.internal;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The invariants of DOMAIN §2.1, checked after every operation. A failure is a defect of the
 * ledger, not of the input, so it is an {@link IllegalStateException}.
 */
final class LedgerInvariants {

  private LedgerInvariants() {}

  static void check(Journal journal, StockLedger stock, PostingRules rules) {
    Balances balances = journal.balances();
    BigDecimal sum = balances.byAccount().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    if (sum.signum() != 0) {
      throw new IllegalStateException("Trial balance is off by " + sum.toPlainString());
    }
    checkStock(balances, stock, rules);
  }

  static void checkVoucher(Voucher voucher) {
    if (voucher.totalDebit().compareTo(voucher.totalCredit()) != 0) {
      throw new IllegalStateException("Voucher " + voucher.id() + " does not balance");
    }
  }

  static void checkStock(Balances balances, StockLedger stock, PostingRules rules) {
    Map<String, BigDecimal> stockValue = stock.valueByAccount();
    Set<String> accounts = new TreeSet<>(stockValue.keySet());
    accounts.addAll(rules.stockAccountCandidates());
    for (String account : accounts) {
      BigDecimal gl = balances.of(account);
      BigDecimal ledger = stockValue.getOrDefault(account, BigDecimal.ZERO);
      if (gl.compareTo(ledger) != 0) {
        throw new IllegalStateException("Stock account " + account + " balance " + gl.toPlainString()
            + " differs from the stock ledger value " + ledger.toPlainString());
      }
    }
    stock.positions().forEach((key, position) -> {
      if (position.qty().signum() < 0 || (position.qty().signum() == 0 && position.value().signum() != 0)) {
        throw new IllegalStateException("Stock of " + key + " is " + position.qty() + " valued " + position.value());
      }
    });
  }
}
