package dev.tangram.plugins.ledger.internal;

import dev.tangram.plugins.ledger.LedgerEvent;
import dev.tangram.plugins.ledger.LedgerEvent.Line;
import dev.tangram.plugins.ledger.LedgerRefusedException;
import dev.tangram.plugins.ledger.LedgerSettings;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything a posting rule may read while planning one document, plus small helpers for the
 * checks every rule repeats (a required field, a positive quantity).
 */
record PostingContext(
    LedgerEvent event, String no, LocalDate date, ChartOfAccounts chart, PostingRules rules,
    LedgerSettings settings, BigDecimal defaultVatRate, StockWorkspace stock, Documents documents,
    Balances balances, @Nullable ApprovalRule approvalRule) {

  List<Line> lines() {
    List<Line> lines = event.lines();
    if (lines == null || lines.isEmpty()) {
      throw new LedgerRefusedException("missing_field", "lines", "Document " + no + " has no lines");
    }
    return lines;
  }

  String warehouse(Line line) {
    if (line.warehouse() != null) return line.warehouse();
    if (event.warehouse() != null) return event.warehouse();
    return settings.defaultWarehouse() == null ? "main" : settings.defaultWarehouse();
  }

  String bank() {
    if (event.bankAccount() != null) return event.bankAccount();
    return event.paidFrom() != null ? event.paidFrom() : rules.bank();
  }

  BigDecimal vatRate(Line line) {
    return line.vatRate() != null ? line.vatRate() : defaultVatRate;
  }

  static <T> T require(@Nullable T value, String field, String what) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      throw new LedgerRefusedException("missing_field", field, what + " is required");
    }
    return value;
  }

  static BigDecimal positive(@Nullable BigDecimal value, String field) {
    BigDecimal v = require(value, field, field);
    if (v.signum() <= 0) {
      throw new LedgerRefusedException("invalid_quantity", field, field + " must be positive, not " + v.toPlainString());
    }
    return v;
  }

  /** A money amount given on the document: positive and to the cent. */
  static BigDecimal money(@Nullable BigDecimal value, String field) {
    BigDecimal v = positive(value, field);
    if (Amounts.finerThanCent(v)) {
      throw new LedgerRefusedException("precision", field, field + " " + v.toPlainString() + " has more than 2 decimals");
    }
    return Amounts.round(v);
  }

  StockKey stockKey(Line line, int index) {
    return new StockKey(require(line.item(), "lines[" + index + "].item", "Item"), warehouse(line));
  }
}
