package dev.tangram.plugins.ledger.internal;

import dev.tangram.plugins.ledger.LedgerEvent;
import dev.tangram.plugins.ledger.LedgerEvent.Line;
import dev.tangram.plugins.ledger.LedgerRefusedException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * 报销, posted once the approval path is complete: Dr expense by category (+ 222101 for deductible
 * VAT) / Cr 1221 to offset the employee's open advance (冲借款), Cr 2241 (or the bank, when paid
 * at once) for the rest. A rejected or unfinished claim posts nothing.
 */
final class ExpenseClaimPoster implements DocumentPoster {

  @Override
  public Posting post(PostingContext ctx) {
    LedgerEvent event = ctx.event();
    String employee = PostingContext.require(event.employee(), "employee", "Employee");
    List<Line> claimLines = ctx.lines();
    BigDecimal total = Amounts.ZERO;
    List<VoucherLine> lines = new ArrayList<>();
    for (int i = 0; i < claimLines.size(); i++) {
      Line line = claimLines.get(i);
      BigDecimal amount = PostingContext.money(line.amount(), "lines[" + i + "].amount");
      BigDecimal vat = line.vat() == null ? Amounts.ZERO : Amounts.round(line.vat());
      String field = "lines[" + i + "].category";
      String account = line.account() != null ? line.account() : ctx.rules().expenseAccountFor(line.category(), ctx.chart())
          .orElseThrow(() -> new LedgerRefusedException("unknown_category", field,
              "No expense account for category '" + line.category() + "'"));
      Dimensions dims = Dimensions.dept(line.dept() != null ? line.dept() : event.dept());
      lines.add(VoucherLine.debit(account, amount.subtract(vat), null, dims));
      lines.add(VoucherLine.debit(ctx.rules().inputVat(), vat, null, Dimensions.NONE));
      total = total.add(amount);
    }
    ClaimApproval approval = ClaimApproval.of(event, total, ctx.approvalRule());
    if (!approval.approved()) return new Posting(List.of(), approval.status(), null, approval.path());
    BigDecimal open = event.advance() == null ? Amounts.ZERO
        : ctx.balances().ofParty(ctx.rules().advance(), employee).max(Amounts.ZERO);
    BigDecimal offset = open.min(total);
    lines.add(VoucherLine.credit(ctx.rules().advance(), offset, employee, Dimensions.NONE));
    boolean paidNow = event.paidFrom() != null || event.bankAccount() != null;
    lines.add(paidNow ? VoucherLine.credit(ctx.bank(), total.subtract(offset), null, Dimensions.NONE)
        : VoucherLine.credit(ctx.rules().reimbursementPayable(), total.subtract(offset), employee, Dimensions.NONE));
    VoucherDraft voucher = VoucherDraft.of(ctx.date(), ctx.no(), lines, List.of()).merged();
    return new Posting(List.of(voucher), "posted", null, approval.path());
  }
}
