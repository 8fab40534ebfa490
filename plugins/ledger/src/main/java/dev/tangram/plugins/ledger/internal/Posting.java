package dev.tangram.plugins.ledger.internal;

import dev.tangram.plugins.ledger.SimulationResult.InvoiceTotals;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a posting rule made of a document: the vouchers to post (possibly none, e.g. a purchase
 * order or a rejected claim), the document's resulting status and facts worth reporting.
 */
record Posting(
    List<VoucherDraft> vouchers, String status, @Nullable InvoiceTotals invoiceTotals,
    @Nullable List<String> approvalPath) {

  static Posting of(VoucherDraft voucher) {
    return new Posting(List.of(voucher.merged()), "posted", null, null);
  }

  static Posting none(String status) {
    return new Posting(List.of(), status, null, null);
  }
}
