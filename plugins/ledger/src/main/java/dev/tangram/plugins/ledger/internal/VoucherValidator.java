package dev.tangram.plugins.ledger.internal;

import dev.tangram.plugins.ledger.LedgerError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The double-entry rules every voucher must pass, manual or generated: known, postable accounts;
 * cent precision; one side per line; a party where the account needs one; not all zero; balanced
 * exactly (no round-off line is ever invented); dated in an open period.
 */
final class VoucherValidator {

  private final ChartOfAccounts chart;
  private final Periods periods;

  VoucherValidator(ChartOfAccounts chart, Periods periods) {
    this.chart = chart;
    this.periods = periods;
  }

  List<LedgerError> validate(VoucherDraft draft) {
    List<LedgerError> errors = new ArrayList<>();
    for (int i = 0; i < draft.lines().size(); i++) {
      checkLine(draft.lines().get(i), "lines[" + i + "]", errors);
    }
    BigDecimal debit = draft.totalDebit();
    BigDecimal credit = draft.totalCredit();
    if (draft.lines().stream().allMatch(VoucherLine::isZero)) {
      errors.add(new LedgerError("empty_voucher", "lines", "Voucher " + draft.source() + " has no amount"));
    } else if (debit.compareTo(credit) != 0) {
      errors.add(new LedgerError("unbalanced", "lines", "Voucher " + draft.source() + " debits "
          + debit.toPlainString() + " but credits " + credit.toPlainString()));
    }
    if (periods.isClosed(draft.date())) {
      errors.add(new LedgerError("period_closed", "date", "Period of " + draft.date() + " is closed"));
    }
    return errors;
  }

  private void checkLine(VoucherLine line, String path, List<LedgerError> errors) {
    if (chart.find(line.account()).isEmpty()) {
      errors.add(new LedgerError("unknown_account", path + ".account",
          "Account '" + line.account() + "' is not in the chart"));
      return;
    }
    if (!chart.isPostable(line.account())) {
      errors.add(new LedgerError("account_not_postable", path + ".account",
          "Account '" + line.account() + "' is a parent account; post to one of its sub-accounts"));
    }
    if (Amounts.finerThanCent(line.debit()) || Amounts.finerThanCent(line.credit())) {
      String side = Amounts.finerThanCent(line.debit()) ? "debit" : "credit";
      errors.add(new LedgerError("precision", path + "." + side,
          "Amount on account '" + line.account() + "' has more than 2 decimals"));
    }
    if (line.debit().signum() != 0 && line.credit().signum() != 0) {
      errors.add(new LedgerError("debit_and_credit", path,
          "Line on account '" + line.account() + "' has both a debit and a credit"));
    }
    boolean partyMissing = line.party() == null || line.party().isBlank();
    if (!line.isZero() && partyMissing && chart.get(line.account()).partyRequired()) {
      errors.add(new LedgerError("party_required", path + ".party",
          "Account '" + line.account() + "' needs a party (customer, supplier or employee)"));
    }
  }
}
