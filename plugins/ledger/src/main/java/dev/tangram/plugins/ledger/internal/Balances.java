package dev.tangram.plugins.ledger.internal;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Running balances (debit minus credit) per account, per account and party, per account and
 * department, plus turnover. Kept incrementally so invariant checks cost nothing per posting.
 */
final class Balances {

  private final Map<String, BigDecimal> byAccount = new TreeMap<>();
  private final Map<String, BigDecimal> byParty = new TreeMap<>();
  private final Map<String, Map<String, BigDecimal>> byDept = new TreeMap<>();
  private BigDecimal debitTurnover = Amounts.ZERO;
  private BigDecimal creditTurnover = Amounts.ZERO;

  void opening(String account, BigDecimal balance, @Nullable String party, @Nullable String dept) {
    add(account, balance, party, dept);
  }

  void post(Voucher voucher) {
    for (VoucherLine line : voucher.lines()) {
      add(line.account(), line.balance(), line.party(), line.dims().dept());
      debitTurnover = debitTurnover.add(line.debit());
      creditTurnover = creditTurnover.add(line.credit());
    }
  }

  private void add(String account, BigDecimal amount, @Nullable String party, @Nullable String dept) {
    byAccount.merge(account, amount, BigDecimal::add);
    if (party != null) byParty.merge(account + "/" + party, amount, BigDecimal::add);
    if (dept != null) byDept.computeIfAbsent(account, a -> new TreeMap<>()).merge(dept, amount, BigDecimal::add);
  }

  BigDecimal of(String account) {
    return byAccount.getOrDefault(account, Amounts.ZERO);
  }

  BigDecimal ofParty(String account, String party) {
    return byParty.getOrDefault(account + "/" + party, Amounts.ZERO);
  }

  Map<String, BigDecimal> byAccount() {
    return Collections.unmodifiableMap(byAccount);
  }

  /** Keys {@code account/party}. */
  Map<String, BigDecimal> byParty() {
    return Collections.unmodifiableMap(byParty);
  }

  Map<String, Map<String, BigDecimal>> byDept() {
    return Collections.unmodifiableMap(byDept);
  }

  BigDecimal debitTurnover() {
    return debitTurnover;
  }

  BigDecimal creditTurnover() {
    return creditTurnover;
  }
}
