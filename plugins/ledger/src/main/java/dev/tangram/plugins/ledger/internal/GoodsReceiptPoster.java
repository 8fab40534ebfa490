package dev.tangram.plugins.ledger.internal;

import static dev.tangram.plugins.ledger.internal.PostingContext.positive;

import dev.tangram.plugins.ledger.LedgerEvent.Line;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * 采购入库: Dr stock at the receipt's cost / Cr 220202 GRNI (暂估应付款) for the supplier, who is
 * named on the receipt or on its purchase order. The stock ledger receives the same value.
 */
final class GoodsReceiptPoster implements DocumentPoster {

  @Override
  public Posting post(PostingContext ctx) {
    String supplier = supplierOf(ctx);
    List<VoucherLine> lines = new ArrayList<>();
    List<StockMovement> movements = new ArrayList<>();
    List<Line> docLines = ctx.lines();
    for (int i = 0; i < docLines.size(); i++) {
      Line line = docLines.get(i);
      StockKey key = ctx.stockKey(line, i);
      BigDecimal qty = positive(line.qty(), "lines[" + i + "].qty");
      BigDecimal value = line.amount() != null ? Amounts.round(line.amount())
          : Amounts.round(qty.multiply(PostingContext.require(line.unitCost(), "lines[" + i + "].unitCost", "Unit cost")));
      String account = ctx.stock().accountOf(key, ctx.rules().stockAccountFor(key.item(), line.stockAccount(), ctx.chart()));
      movements.add(ctx.stock().receive(key, account, qty, value, ctx.no(), ctx.date(), "lines[" + i + "].qty"));
      lines.add(VoucherLine.debit(account, value, null, Dimensions.stock(key.item(), key.warehouse())));
      lines.add(VoucherLine.credit(ctx.rules().grni(), value, supplier, Dimensions.NONE));
    }
    return Posting.of(VoucherDraft.of(ctx.date(), ctx.no(), lines, movements));
  }

  static String supplierOf(PostingContext ctx) {
    if (ctx.event().supplier() != null) return ctx.event().supplier();
    String po = PostingContext.require(ctx.event().po(), "supplier", "Supplier (or a purchase order)");
    String supplier = ctx.documents().get(po, "purchaseOrder", "po").event().supplier();
    return PostingContext.require(supplier, "supplier", "Supplier of purchase order " + po);
  }
}
