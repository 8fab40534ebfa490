package dev.tangram.plugins.ledger.internal;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Open items per party and per goods receipt: what each supplier is owed ({@code supplier S}, credit
 * of AP as a positive amount), what each customer owes ({@code customer C}), and per receipt what
 * has been received but not yet invoiced ({@code GRNI GR-001}).
 */
final class OpenItems {

  private OpenItems() {}

  static Map<String, BigDecimal> of(LedgerBook book) {
    PostingRules rules = book.setup().rules();
    Map<String, BigDecimal> open = new TreeMap<>();
    book.journal().balances().byParty().forEach((key, balance) -> {
      int slash = key.indexOf('/');
      String account = key.substring(0, slash);
      String party = key.substring(slash + 1);
      if (account.equals(rules.payable())) open.put("supplier " + party, balance.negate());
      if (account.equals(rules.receivable())) open.put("customer " + party, balance);
    });
    for (Voucher v : book.journal().all()) {
      String receipt = receiptOf(book, v.document());
      if (receipt == null) continue;
      BigDecimal grni = v.lines().stream().filter(l -> l.account().equals(rules.grni()))
          .map(l -> l.credit().subtract(l.debit())).reduce(BigDecimal.ZERO, BigDecimal::add);
      open.merge("GRNI " + receipt, grni, BigDecimal::add);
    }
    return open;
  }

  private static String receiptOf(LedgerBook book, String document) {
    var record = book.documents().find(document).orElse(null);
    if (record == null) return null;
    if (record.type().equals("goodsReceipt")) return document;
    if (record.type().equals("supplierInvoice")) return record.event().receipt();
    return null;
  }
}
