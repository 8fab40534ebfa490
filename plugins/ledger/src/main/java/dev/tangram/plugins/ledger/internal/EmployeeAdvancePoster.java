package dev.tangram.plugins.ledger.internal;

import dev.tangram.plugins.ledger.LedgerEvent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** 借款: Dr 1221 other receivables (employee) / Cr bank, once the advance is approved. */
final class EmployeeAdvancePoster implements DocumentPoster {

  private static final Set<String> PAYABLE_STATUSES = Set.of("approved", "paid");

  @Override
  public Posting post(PostingContext ctx) {
    LedgerEvent event = ctx.event();
    if (event.status() != null && !PAYABLE_STATUSES.contains(event.status())) {
      return Posting.none(event.status());
    }
    String employee = PostingContext.require(event.employee(), "employee", "Employee");
    BigDecimal amount = PostingContext.money(event.amount(), "amount");
    return Posting.of(VoucherDraft.of(ctx.date(), ctx.no(), List.of(
        VoucherLine.debit(ctx.rules().advance(), amount, employee, Dimensions.dept(event.dept())),
        VoucherLine.credit(ctx.bank(), amount, null, Dimensions.NONE)), List.of()));
  }
}
