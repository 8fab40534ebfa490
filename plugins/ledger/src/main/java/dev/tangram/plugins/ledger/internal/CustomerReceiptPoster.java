package dev.tangram.plugins.ledger.internal;

import java.math.BigDecimal;
import java.util.List;

/** 收款: Dr bank / Cr 1122 AR (customer), or Cr 2203 预收账款 when it is a prepayment. */
final class CustomerReceiptPoster implements DocumentPoster {

  @Override
  public Posting post(PostingContext ctx) {
    String customer = PostingContext.require(ctx.event().customer(), "customer", "Customer");
    BigDecimal amount = PaymentPoster.amountOf(ctx);
    String credit = Boolean.TRUE.equals(ctx.event().prepayment())
        ? ctx.rules().customerAdvance() : ctx.rules().receivable();
    return Posting.of(VoucherDraft.of(ctx.date(), ctx.no(), List.of(
        VoucherLine.debit(ctx.bank(), amount, null, Dimensions.NONE),
        VoucherLine.credit(credit, amount, customer, Dimensions.NONE)), List.of()));
  }
}
