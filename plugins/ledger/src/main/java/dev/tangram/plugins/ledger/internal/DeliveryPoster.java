package dev.tangram.plugins.ledger.internal;

import static dev.tangram.plugins.ledger.internal.PostingContext.positive;

import dev.tangram.plugins.ledger.LedgerEvent.Line;
import dev.tangram.plugins.ledger.internal.StockMovement.Issued;
import java.util.ArrayList;
import java.util.List;

/**
 * 销售出库: Dr 5401 cost of goods sold / Cr stock, valued by the stock ledger at posting time
 * (moving average or FIFO). Issuing more than is on hand is refused.
 */
final class DeliveryPoster implements DocumentPoster {

  @Override
  public Posting post(PostingContext ctx) {
    List<VoucherLine> lines = new ArrayList<>();
    List<StockMovement> movements = new ArrayList<>();
    List<Line> docLines = ctx.lines();
    for (int i = 0; i < docLines.size(); i++) {
      Line line = docLines.get(i);
      StockKey key = ctx.stockKey(line, i);
      String account = ctx.stock().accountOf(key, ctx.rules().stockAccountFor(key.item(), line.stockAccount(), ctx.chart()));
      Issued issued = ctx.stock().issue(key, positive(line.qty(), "lines[" + i + "].qty"), ctx.no(), ctx.date(), "lines[" + i + "].qty");
      movements.add(issued);
      String cogs = line.account() != null ? line.account() : ctx.rules().cogs();
      lines.add(VoucherLine.debit(cogs, issued.value(), null, Dimensions.item(key.item())));
      lines.add(VoucherLine.credit(account, issued.value(), null, Dimensions.stock(key.item(), key.warehouse())));
    }
    return Posting.of(VoucherDraft.of(ctx.date(), ctx.no(), lines, movements));
  }
}
