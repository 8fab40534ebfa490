package dev.tangram.plugins.ledger.internal;

import static dev.tangram.plugins.ledger.internal.PostingContext.require;

import dev.tangram.plugins.ledger.LedgerEvent.Line;
import dev.tangram.plugins.ledger.LedgerRefusedException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * 盘点: the difference between counted and book quantity moves stock against 1901 待处理财产损溢
 * (a loss at the stock ledger's issue value, a gain at the line's unit cost or the current average).
 * When the count is approved ({@code status: approved}) a second voucher clears 1901 to 5711
 * (net loss) or 5301 (net gain).
 */
final class StockCountPoster implements DocumentPoster {

  @Override
  public Posting post(PostingContext ctx) {
    List<VoucherLine> lines = new ArrayList<>();
    List<StockMovement> movements = new ArrayList<>();
    String pending = ctx.rules().stockDifference();
    BigDecimal net = Amounts.ZERO;
    List<Line> docLines = ctx.lines();
    for (int i = 0; i < docLines.size(); i++) {
      Line line = docLines.get(i);
      StockKey key = ctx.stockKey(line, i);
      BigDecimal counted = require(line.countedQty() != null ? line.countedQty() : line.qty(), "lines[" + i + "].countedQty", "Counted quantity");
      BigDecimal book = ctx.stock().onHand(key);
      BigDecimal difference = counted.subtract(book);
      String account = ctx.stock().accountOf(key, ctx.rules().stockAccountFor(key.item(), line.stockAccount(), ctx.chart()));
      Dimensions dims = Dimensions.stock(key.item(), key.warehouse());
      if (difference.signum() > 0) {
        BigDecimal value = gainValue(ctx, key, line, difference, book, i);
        movements.add(ctx.stock().receive(key, account, difference, value, ctx.no(), ctx.date(), "lines[" + i + "].countedQty"));
        lines.add(VoucherLine.debit(account, value, null, dims));
        lines.add(VoucherLine.credit(pending, value, null, dims));
        net = net.add(value);
      } else if (difference.signum() < 0) {
        var issued = ctx.stock().issue(key, difference.negate(), ctx.no(), ctx.date(), "lines[" + i + "].countedQty");
        movements.add(issued);
        lines.add(VoucherLine.debit(pending, issued.value(), null, dims));
        lines.add(VoucherLine.credit(account, issued.value(), null, dims));
        net = net.subtract(issued.value());
      }
    }
    if (lines.isEmpty()) return Posting.none("recorded");
    List<VoucherDraft> vouchers = new ArrayList<>(List.of(VoucherDraft.of(ctx.date(), ctx.no(), lines, movements).merged()));
    if ("approved".equals(ctx.event().status()) && net.signum() != 0) {
      List<VoucherLine> disposal = net.signum() > 0
          ? List.of(VoucherLine.debit(pending, net, null, Dimensions.NONE), VoucherLine.credit(ctx.rules().stockGain(), net, null, Dimensions.NONE))
          : List.of(VoucherLine.debit(ctx.rules().stockLoss(), net.negate(), null, Dimensions.NONE), VoucherLine.credit(pending, net.negate(), null, Dimensions.NONE));
      vouchers.add(VoucherDraft.of(ctx.date(), ctx.no(), disposal, List.of()));
    }
    return new Posting(vouchers, "posted", null, null);
  }

  private static BigDecimal gainValue(PostingContext ctx, StockKey key, Line line, BigDecimal difference,
      BigDecimal book, int i) {
    if (line.unitCost() != null) return Amounts.round(difference.multiply(line.unitCost()));
    if (book.signum() > 0) return Amounts.proRata(difference, ctx.stock().position(key, "").value(), book);
    throw new LedgerRefusedException("missing_field", "lines[" + i + "].unitCost",
        "Counted surplus of " + key + " needs a unit cost: there is no stock to value it by");
  }
}
