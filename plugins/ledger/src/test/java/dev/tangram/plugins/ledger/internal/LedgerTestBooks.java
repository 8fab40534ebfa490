package dev.tangram.plugins.ledger.internal;

import dev.tangram.plugins.ledger.LedgerEvent;
import dev.tangram.plugins.ledger.LedgerSettings;
import dev.tangram.plugins.ledger.SimulationInput;
import java.math.BigDecimal;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Books of a small trading company (bank 100,000 / capital 100,000) and JSON event snippets. */
final class LedgerTestBooks {

  static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private LedgerTestBooks() {}

  static LedgerBook open(LedgerSettings settings) {
    SimulationInput input = MAPPER.readValue("""
        {"openingBalances": [{"account": "1002", "balance": 100000}, {"account": "3001", "balance": -100000}]}""",
        SimulationInput.class);
    return LedgerBooks.open(input.withSettings(settings));
  }

  static LedgerEvent event(String json) {
    return MAPPER.readValue(json, LedgerEvent.class);
  }

  static LedgerEvent receipt(String no, String date, String item, int qty, BigDecimal unitCost) {
    return event("""
        {"date": "%s", "doc": "goodsReceipt", "no": "%s", "supplier": "S1",
         "lines": [{"item": "%s", "qty": %d, "unitCost": %s}]}""".formatted(date, no, item, qty, unitCost.toPlainString()));
  }

  static LedgerEvent delivery(String no, String date, String item, int qty) {
    return event("""
        {"date": "%s", "doc": "delivery", "no": "%s", "customer": "C1",
         "lines": [{"item": "%s", "qty": %d}]}""".formatted(date, no, item, qty));
  }

  static LedgerEvent customerInvoice(String no, String date, BigDecimal price) {
    return event("""
        {"date": "%s", "doc": "customerInvoice", "no": "%s", "customer": "C1",
         "lines": [{"item": "G1", "qty": 1, "price": %s}]}""".formatted(date, no, price.toPlainString()));
  }

  static LedgerEvent supplierInvoice(String no, String date, String receipt, String item, int qty, BigDecimal price) {
    return event("""
        {"date": "%s", "doc": "supplierInvoice", "no": "%s", "supplier": "S1", "receipt": "%s",
         "lines": [{"item": "%s", "qty": %d, "price": %s}]}""".formatted(date, no, receipt, item, qty, price.toPlainString()));
  }

  static LedgerEvent payment(String no, String date, String party, String partyKind, BigDecimal amount) {
    String doc = partyKind.equals("customer") ? "customerReceipt" : "payment";
    return event("""
        {"date": "%s", "doc": "%s", "no": "%s", "%s": "%s", "amount": %s}""".formatted(
        date, doc, no, partyKind, party, amount.toPlainString()));
  }

  static LedgerEvent journal(String no, String date, String debitAccount, String creditAccount, BigDecimal amount) {
    return event("""
        {"date": "%s", "doc": "journal", "no": "%s", "lines": [
          {"account": "%s", "debit": %s}, {"account": "%s", "credit": %s}]}""".formatted(
        date, no, debitAccount, amount.toPlainString(), creditAccount, amount.toPlainString()));
  }
}
