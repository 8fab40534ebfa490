package dev.tangram.plugins.ledger.internal;

/** The posting rule of one business document type (DOMAIN §2.3). Plans only; never writes. */
interface DocumentPoster {

  /**
   * Turns the document into vouchers and stock movements, computed in {@code context}'s stock
   * workspace.
   *
   * @throws dev.tangram.plugins.ledger.LedgerRefusedException when the document cannot be posted
   */
  Posting post(PostingContext context);
}
