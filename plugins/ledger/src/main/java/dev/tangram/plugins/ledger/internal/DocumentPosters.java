package dev.tangram.plugins.ledger.internal;

import java.util.Map;
import java.util.Optional;

/**
 * The posting rule of each document type: the one place that maps a document name to its rule.
 * Commitments (orders, requisitions) post nothing and are only recorded.
 */
final class DocumentPosters {

  private static final DocumentPoster COMMITMENT = ctx -> Posting.none("recorded");

  private static final Map<String, DocumentPoster> POSTERS = Map.ofEntries(
      Map.entry("purchaseOrder", COMMITMENT),
      Map.entry("purchaseRequisition", COMMITMENT),
      Map.entry("salesOrder", COMMITMENT),
      Map.entry("goodsReceipt", new GoodsReceiptPoster()),
      Map.entry("supplierInvoice", new SupplierInvoicePoster()),
      Map.entry("payment", new PaymentPoster()),
      Map.entry("supplierPayment", new PaymentPoster()),
      Map.entry("delivery", new DeliveryPoster()),
      Map.entry("customerInvoice", new CustomerInvoicePoster()),
      Map.entry("customerReceipt", new CustomerReceiptPoster()),
      Map.entry("receipt", new CustomerReceiptPoster()),
      Map.entry("costAllocation", new CostAllocationPoster()),
      Map.entry("employeeAdvance", new EmployeeAdvancePoster()),
      Map.entry("expenseClaim", new ExpenseClaimPoster()),
      Map.entry("journal", new JournalPoster()),
      Map.entry("stockTransfer", new StockTransferPoster()),
      Map.entry("stockCount", new StockCountPoster()));

  private DocumentPosters() {}

  static Optional<DocumentPoster> find(String documentType) {
    return Optional.ofNullable(POSTERS.get(documentType));
  }
}
