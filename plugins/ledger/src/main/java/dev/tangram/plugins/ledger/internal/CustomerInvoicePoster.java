package dev.tangram.plugins.ledger.internal;

import dev.tangram.plugins.ledger.LedgerEvent.Line;
import java.util.ArrayList;
import java.util.List;

/** 销售发票: Dr 1122 AR (customer) gross / Cr 5001 revenue net, Cr 222102 output VAT. */
final class CustomerInvoicePoster implements DocumentPoster {

  @Override
  public Posting post(PostingContext ctx) {
    String customer = PostingContext.require(ctx.event().customer(), "customer", "Customer");
    InvoiceLines invoice = InvoiceLines.of(ctx);
    List<VoucherLine> lines = new ArrayList<>();
    lines.add(VoucherLine.debit(ctx.rules().receivable(), invoice.amounts().gross(), customer, Dimensions.NONE));
    for (int i = 0; i < invoice.lines().size(); i++) {
      Line line = invoice.lines().get(i);
      String revenue = line.account() != null ? line.account() : ctx.rules().revenue();
      lines.add(VoucherLine.credit(revenue, invoice.amounts().lineNet().get(i), null, Dimensions.dept(line.dept())));
    }
    lines.add(VoucherLine.credit(ctx.rules().outputVat(), invoice.amounts().tax(), null, Dimensions.NONE));
    VoucherDraft voucher = VoucherDraft.of(ctx.date(), ctx.no(), lines, List.of()).merged();
    return new Posting(List.of(voucher), "posted", invoice.totals(), null);
  }
}
