package dev.tangram.plugins.ledger.internal;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One line of a voucher. Red-ink reversals carry negative amounts on the original side, so both
 * {@code debit} and {@code credit} may be negative; only one of them is non-zero.
 */
record VoucherLine(
    String account, BigDecimal debit, BigDecimal credit, @Nullable String party, Dimensions dims) {

  static VoucherLine debit(String account, BigDecimal amount, @Nullable String party, Dimensions dims) {
    return new VoucherLine(account, amount, Amounts.ZERO, party, dims);
  }

  static VoucherLine credit(String account, BigDecimal amount, @Nullable String party, Dimensions dims) {
    return new VoucherLine(account, Amounts.ZERO, amount, party, dims);
  }

  /** Debit minus credit. */
  BigDecimal balance() {
    return debit.subtract(credit);
  }

  boolean isZero() {
    return debit.signum() == 0 && credit.signum() == 0;
  }

  VoucherLine swapped() {
    return new VoucherLine(account, credit, debit, party, dims);
  }

  VoucherLine negated() {
    return new VoucherLine(account, debit.negate(), credit.negate(), party, dims);
  }

  boolean sameBucket(VoucherLine other) {
    return account.equals(other.account) && java.util.Objects.equals(party, other.party)
        && dims.equals(other.dims) && (debit.signum() != 0) == (other.debit.signum() != 0);
  }

  VoucherLine plus(VoucherLine other) {
    return new VoucherLine(account, debit.add(other.debit), credit.add(other.credit), party, dims);
  }
}
