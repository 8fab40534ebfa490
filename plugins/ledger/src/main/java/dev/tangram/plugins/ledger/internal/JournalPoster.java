package dev.tangram.plugins.ledger.internal;

import dev.tangram.plugins.ledger.LedgerEvent.Line;
import java.util.ArrayList;
import java.util.List;

/**
 * A manual voucher (记账凭证) as typed: no merging and no fixing. The ledger's validation refuses it
 * whole if any line is wrong, naming the line.
 */
final class JournalPoster implements DocumentPoster {

  @Override
  public Posting post(PostingContext ctx) {
    List<VoucherLine> lines = new ArrayList<>();
    List<Line> typed = ctx.lines();
    for (int i = 0; i < typed.size(); i++) {
      Line line = typed.get(i);
      String account = PostingContext.require(line.account(), "lines[" + i + "].account", "Account");
      lines.add(new VoucherLine(account, Amounts.orZero(line.debit()), Amounts.orZero(line.credit()),
          line.party(), new Dimensions(line.dept(), line.project(), line.item(), line.warehouse())));
    }
    return new Posting(List.of(VoucherDraft.of(ctx.date(), ctx.no(), lines, List.of())), "posted", null, null);
  }
}
