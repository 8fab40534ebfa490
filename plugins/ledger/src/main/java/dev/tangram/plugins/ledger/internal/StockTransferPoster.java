package dev.tangram.plugins.ledger.internal;

import static dev.tangram.plugins.ledger.internal.PostingContext.positive;
import static dev.tangram.plugins.ledger.internal.PostingContext.require;

import dev.tangram.plugins.ledger.LedgerEvent.Line;
import dev.tangram.plugins.ledger.internal.StockMovement.Issued;
import java.util.ArrayList;
import java.util.List;

/** 调拨: stock leaves one warehouse and enters another at the same value; no P&L effect. */
final class StockTransferPoster implements DocumentPoster {

  @Override
  public Posting post(PostingContext ctx) {
    String from = require(ctx.event().fromWarehouse(), "fromWarehouse", "Source warehouse");
    String to = require(ctx.event().toWarehouse(), "toWarehouse", "Destination warehouse");
    List<VoucherLine> lines = new ArrayList<>();
    List<StockMovement> movements = new ArrayList<>();
    List<Line> docLines = ctx.lines();
    for (int i = 0; i < docLines.size(); i++) {
      String item = require(docLines.get(i).item(), "lines[" + i + "].item", "Item");
      StockKey source = new StockKey(item, from);
      StockKey target = new StockKey(item, to);
      String account = ctx.stock().accountOf(source, ctx.rules().stockAccountFor(item, null, ctx.chart()));
      Issued out = ctx.stock().issue(source, positive(docLines.get(i).qty(), "lines[" + i + "].qty"),
          ctx.no(), ctx.date(), "lines[" + i + "].qty");
      movements.add(out);
      movements.add(ctx.stock().receive(target, account, out.qty(), out.value(), ctx.no(), ctx.date(), "lines[" + i + "].qty"));
      lines.add(VoucherLine.debit(account, out.value(), null, Dimensions.stock(item, to)));
      lines.add(VoucherLine.credit(account, out.value(), null, Dimensions.stock(item, from)));
    }
    return Posting.of(VoucherDraft.of(ctx.date(), ctx.no(), lines, movements));
  }
}
