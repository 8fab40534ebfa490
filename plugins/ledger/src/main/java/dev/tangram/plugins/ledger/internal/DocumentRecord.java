package dev.tangram.plugins.ledger.internal;

import dev.tangram.plugins.ledger.LedgerEvent;
import dev.tangram.plugins.ledger.SimulationResult.InvoiceTotals;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A business document the ledger has seen, with its status: {@code recorded} (no voucher, e.g. a
 * purchase order), {@code posted}, {@code rejected} or {@code pending} (approval), {@code cancelled},
 * {@code deleted}.
 */
record DocumentRecord(
    LedgerEvent event, String status, @Nullable InvoiceTotals invoiceTotals,
    @Nullable List<String> approvalPath) {

  String type() {
    return event.doc() == null ? "" : event.doc();
  }

  DocumentRecord withStatus(String newStatus) {
    return new DocumentRecord(event, newStatus, invoiceTotals, approvalPath);
  }

  /** A document whose approval is not final may be posted again later; any other is done. */
  boolean isFinal() {
    return !status.equals("pending");
  }
}
