package dev.tangram.plugins.ledger.internal;

import dev.tangram.plugins.ledger.LedgerEvent;
import dev.tangram.plugins.ledger.LedgerRefusedException;
import java.math.BigDecimal;
import java.util.List;

/**
 * 付款: to a supplier Dr 220201 AP (or 1123 预付账款 for a prepayment), to an employee Dr 2241 (the
 * balance of an expense claim) / Cr bank. Without an amount, the referenced invoice's gross is paid.
 */
final class PaymentPoster implements DocumentPoster {

  @Override
  public Posting post(PostingContext ctx) {
    LedgerEvent event = ctx.event();
    BigDecimal amount = amountOf(ctx);
    String debitAccount;
    String party;
    if (event.supplier() != null) {
      debitAccount = Boolean.TRUE.equals(event.prepayment()) ? ctx.rules().prepayment() : ctx.rules().payable();
      party = event.supplier();
    } else if (event.employee() != null) {
      debitAccount = ctx.rules().reimbursementPayable();
      party = event.employee();
    } else if (event.customer() != null) {
      debitAccount = ctx.rules().receivable();
      party = event.customer();
    } else {
      throw new LedgerRefusedException("party_required", "supplier", "Payment " + ctx.no() + " names no payee");
    }
    return Posting.of(VoucherDraft.of(ctx.date(), ctx.no(), List.of(
        VoucherLine.debit(debitAccount, amount, party, Dimensions.dept(event.dept())),
        VoucherLine.credit(ctx.bank(), amount, null, Dimensions.NONE)), List.of()));
  }

  static BigDecimal amountOf(PostingContext ctx) {
    LedgerEvent event = ctx.event();
    if (event.amount() != null || event.invoice() == null) return PostingContext.money(event.amount(), "amount");
    var totals = ctx.documents().find(event.invoice()).map(DocumentRecord::invoiceTotals).orElseThrow(() ->
        new LedgerRefusedException("unknown_document", "invoice", "No invoice '" + event.invoice() + "' is known"));
    return totals.gross();
  }
}
