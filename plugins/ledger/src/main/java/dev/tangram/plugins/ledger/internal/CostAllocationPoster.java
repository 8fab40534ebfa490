package dev.tangram.plugins.ledger.internal;

import dev.tangram.plugins.ledger.LedgerEvent;
import dev.tangram.plugins.ledger.LedgerEvent.Share;
import dev.tangram.plugins.ledger.LedgerRefusedException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A cost shared among departments or projects by ratio: each share is rounded HALF_UP and the last
 * one takes the remainder, so the voucher balances without a round-off line (convention 3).
 */
final class CostAllocationPoster implements DocumentPoster {

  @Override
  public Posting post(PostingContext ctx) {
    LedgerEvent event = ctx.event();
    BigDecimal amount = PostingContext.money(event.amount(), "amount");
    String account = PostingContext.require(event.account(), "account", "Account");
    String creditAccount = event.creditAccount() != null ? event.creditAccount() : ctx.bank();
    List<Share> shares = event.shares() == null || event.shares().isEmpty()
        ? List.of(new Share(event.dept(), null, "1")) : event.shares();
    List<BigDecimal> ratios = shares.stream().map(s -> ratio(s, shares.indexOf(s))).toList();
    if (ratios.stream().reduce(BigDecimal.ZERO, BigDecimal::add).subtract(BigDecimal.ONE).abs()
        .compareTo(new BigDecimal("0.000001")) > 0) {
      throw new LedgerRefusedException("invalid_shares", "shares", "Shares of " + ctx.no() + " do not add up to 1");
    }
    List<VoucherLine> lines = new ArrayList<>();
    BigDecimal allocated = Amounts.ZERO;
    for (int i = 0; i < shares.size(); i++) {
      boolean last = i == shares.size() - 1;
      BigDecimal part = last ? amount.subtract(allocated) : Amounts.round(amount.multiply(ratios.get(i)));
      allocated = allocated.add(part);
      Share share = shares.get(i);
      lines.add(VoucherLine.debit(account, part, null, new Dimensions(share.dept(), share.project(), null, null)));
    }
    lines.add(VoucherLine.credit(creditAccount, amount, null, Dimensions.NONE));
    return Posting.of(VoucherDraft.of(ctx.date(), ctx.no(), lines, List.of()));
  }

  /** {@code 1/3}, {@code 0.25} or {@code 25%}. */
  static BigDecimal ratio(Share share, int index) {
    String text = share.ratio() == null ? "" : share.ratio().trim();
    try {
      if (text.endsWith("%")) return new BigDecimal(text.substring(0, text.length() - 1).trim()).movePointLeft(2);
      int slash = text.indexOf('/');
      if (slash < 0) return new BigDecimal(text);
      return new BigDecimal(text.substring(0, slash).trim())
          .divide(new BigDecimal(text.substring(slash + 1).trim()), MathContext.DECIMAL128);
    } catch (ArithmeticException | NumberFormatException e) {
      throw new LedgerRefusedException("invalid_shares", "shares[" + index + "].ratio", "Cannot read ratio '" + text + "'");
    }
  }
}
