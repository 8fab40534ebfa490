package dev.tangram.plugins.ledger.internal;

import static dev.tangram.plugins.ledger.internal.PostingContext.require;

import dev.tangram.plugins.ledger.LedgerEvent;
import dev.tangram.plugins.ledger.LedgerEvent.Line;
import dev.tangram.plugins.ledger.LedgerRefusedException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * 采购发票: Dr 220202 GRNI at the receipt's value, Dr 222101 input VAT / Cr 220201 AP (supplier).
 * A price difference against the receipt goes to stock for what is still on hand and to cost of
 * goods sold for what has left; lines with an {@code account} are direct costs (services).
 */
final class SupplierInvoicePoster implements DocumentPoster {

  @Override
  public Posting post(PostingContext ctx) {
    LedgerEvent event = ctx.event();
    String supplier = event.supplier() != null ? event.supplier() : receiptSupplier(ctx);
    @Nullable DocumentRecord receipt = event.receipt() == null ? null
        : ctx.documents().get(event.receipt(), "goodsReceipt", "receipt");
    InvoiceLines invoice = InvoiceLines.of(ctx);
    List<VoucherLine> lines = new ArrayList<>();
    List<StockMovement> movements = new ArrayList<>();
    for (int i = 0; i < invoice.lines().size(); i++) {
      Line line = invoice.lines().get(i);
      BigDecimal net = invoice.amounts().lineNet().get(i);
      if (line.account() != null) {
        lines.add(VoucherLine.debit(line.account(), net, null, Dimensions.item(line.item())));
      } else if (receipt == null) {
        lines.add(VoucherLine.debit(ctx.rules().grni(), net, supplier, Dimensions.NONE));
      } else {
        matchReceipt(ctx, receipt, line, i, net, supplier, lines, movements);
      }
    }
    lines.add(VoucherLine.debit(ctx.rules().inputVat(), invoice.amounts().tax(), null, Dimensions.NONE));
    lines.add(VoucherLine.credit(ctx.rules().payable(), invoice.amounts().gross(), supplier, Dimensions.NONE));
    VoucherDraft voucher = VoucherDraft.of(ctx.date(), ctx.no(), lines, movements);
    return new Posting(List.of(voucher.merged()), "posted", invoice.totals(), null);
  }

  private static void matchReceipt(PostingContext ctx, DocumentRecord receipt, Line line, int i,
      BigDecimal net, String supplier, List<VoucherLine> lines, List<StockMovement> movements) {
    Line received = receipt.event().lines() == null ? null : receipt.event().lines().stream()
        .filter(r -> r.item() != null && r.item().equals(line.item())).findFirst().orElse(null);
    if (received == null || received.unitCost() == null) {
      throw new LedgerRefusedException("not_received", "lines[" + i + "].item",
          "Item '" + line.item() + "' is not on receipt " + receipt.event().no());
    }
    BigDecimal qty = PostingContext.positive(line.qty(), "lines[" + i + "].qty");
    BigDecimal grni = Amounts.round(qty.multiply(received.unitCost()));
    lines.add(VoucherLine.debit(ctx.rules().grni(), grni, supplier, Dimensions.NONE));
    BigDecimal difference = net.subtract(grni);
    if (difference.signum() == 0) return;
    StockKey key = new StockKey(line.item(), received.warehouse() != null ? received.warehouse()
        : receipt.event().warehouse() != null ? receipt.event().warehouse() : ctx.warehouse(line));
    String source = require(receipt.event().no(), "receipt", "Receipt number");
    BigDecimal onHand = ctx.stock().onHandFrom(key, source, qty);
    BigDecimal toStock = Amounts.round(difference.multiply(onHand).divide(qty, 12, RoundingMode.HALF_UP));
    if (toStock.signum() != 0) {
      String account = ctx.stock().accountOf(key, ctx.rules().stockAccountFor(key.item(), null, ctx.chart()));
      movements.add(ctx.stock().revalue(key, toStock, source, ctx.no(), ctx.date()));
      lines.add(VoucherLine.debit(account, toStock, null, Dimensions.stock(key.item(), key.warehouse())));
    }
    lines.add(VoucherLine.debit(ctx.rules().cogs(), difference.subtract(toStock), null, Dimensions.item(key.item())));
  }

  private static String receiptSupplier(PostingContext ctx) {
    String receipt = require(ctx.event().receipt(), "supplier", "Supplier");
    DocumentRecord record = ctx.documents().get(receipt, "goodsReceipt", "receipt");
    if (record.event().supplier() != null) return record.event().supplier();
    String po = require(record.event().po(), "supplier", "Supplier");
    return require(ctx.documents().get(po, "purchaseOrder", "po").event().supplier(), "supplier", "Supplier");
  }
}
