package dev.tangram.plugins.ledger;

import java.util.ArrayList;
import java.util.List;

/** Builds simulation inputs from JSON event snippets on a small trading company's books. */
final class LedgerScenario {

  private final List<String> events = new ArrayList<>();
  private String settings = "{}";
  private String extra = "";

  static LedgerScenario books() {
    return new LedgerScenario();
  }

  LedgerScenario settings(String json) {
    this.settings = json;
    return this;
  }

  LedgerScenario closed(String... periods) {
    this.extra = ", \"closedPeriods\": [\"" + String.join("\",\"", periods) + "\"]";
    return this;
  }

  LedgerScenario event(String json) {
    events.add(json);
    return this;
  }

  SimulationInput input() {
    String json = """
        {"openingBalances": [{"account": "1002", "balance": 100000}, {"account": "3001", "balance": -100000}],
         "settings": %s, "events": [%s] %s}""".formatted(settings, String.join(",", events), extra);
    return LedgerCaseFiles.MAPPER.readValue(json, SimulationInput.class);
  }

  SimulationResult run() {
    return new LedgerPlugin().simulate(input());
  }

  static String receipt(String no, String date, String item, int qty, String unitCost) {
    return """
        {"date": "%s", "doc": "goodsReceipt", "no": "%s", "supplier": "S1",
         "lines": [{"item": "%s", "qty": %d, "unitCost": %s}]}""".formatted(date, no, item, qty, unitCost);
  }

  static String delivery(String no, String date, String item, int qty) {
    return """
        {"date": "%s", "doc": "delivery", "no": "%s", "customer": "C1",
         "lines": [{"item": "%s", "qty": %d}]}""".formatted(date, no, item, qty);
  }

  static String invoice(String no, String date, String price) {
    return """
        {"date": "%s", "doc": "customerInvoice", "no": "%s", "customer": "C1",
         "lines": [{"item": "G1", "qty": 1, "price": %s}]}""".formatted(date, no, price);
  }

  static String action(String action, String target, String date) {
    return """
        {"date": "%s", "action": "%s", "target": "%s"}""".formatted(date, action, target);
  }

  static String journal(String no, String date, String linesJson) {
    return """
        {"date": "%s", "doc": "journal", "no": "%s", "lines": %s}""".formatted(date, no, linesJson);
  }
}
