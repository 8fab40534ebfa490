package dev.tangram.plugins.ledger.internal;

import dev.tangram.plugins.ledger.LedgerSettings.ReversalStyle;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the voucher that reverses a posted one (convention 4): dated on the cancellation date,
 * linked by {@code reversalOf}, its stock movements taken back in reverse order.
 */
final class Reversals {

  private Reversals() {}

  static VoucherDraft reverse(Voucher original, LocalDate date, String source, ReversalStyle style,
      StockWorkspace stock) {
    List<VoucherLine> lines = new ArrayList<>();
    if (style == ReversalStyle.SWAP) {
      // Credits first, as an accountant writes a swapped voucher: the debit side leads.
      original.lines().stream().filter(l -> l.credit().signum() != 0).map(VoucherLine::swapped).forEach(lines::add);
      original.lines().stream().filter(l -> l.credit().signum() == 0).map(VoucherLine::swapped).forEach(lines::add);
    } else {
      original.lines().stream().map(VoucherLine::negated).forEach(lines::add);
    }
    List<StockMovement> undone = new ArrayList<>();
    for (int i = original.movements().size() - 1; i >= 0; i--) {
      undone.add(stock.undo(original.movements().get(i), source, date));
    }
    return new VoucherDraft(date, source, original.document(), lines, undone, original.id());
  }
}
