package dev.tangram.plugins.ledger.internal;

import dev.tangram.plugins.ledger.SimulationResult;
import dev.tangram.plugins.ledger.SimulationResult.EventOutcome;
import dev.tangram.plugins.ledger.SimulationResult.InvoiceTotals;
import dev.tangram.plugins.ledger.SimulationResult.LineView;
import dev.tangram.plugins.ledger.SimulationResult.Rejection;
import dev.tangram.plugins.ledger.SimulationResult.StockLedgerEntry;
import dev.tangram.plugins.ledger.SimulationResult.StockView;
import dev.tangram.plugins.ledger.SimulationResult.Turnover;
import dev.tangram.plugins.ledger.SimulationResult.VoucherView;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Renders a book's state in the shape of a reference case's {@code expected} block. */
final class SimulationReport {

  private SimulationReport() {}

  static SimulationResult of(LedgerBook book, List<EventOutcome> outcomes) {
    Journal journal = book.journal();
    Balances balances = journal.balances();
    Map<String, String> status = new LinkedHashMap<>();
    journal.all().forEach(v -> status.put(v.id(), journal.statusOf(v)));
    Map<String, InvoiceTotals> invoices = new LinkedHashMap<>();
    Map<String, List<String>> approvals = new LinkedHashMap<>();
    book.documents().byNo().forEach((no, d) -> {
      if (d.invoiceTotals() != null) invoices.put(no, d.invoiceTotals());
      if (d.approvalPath() != null) approvals.put(no, d.approvalPath());
    });
    List<Rejection> rejections = outcomes.stream().filter(o -> o.error() != null).map(o -> new Rejection(
        o.seq(), o.subject(), o.error().code(), o.error().field(), o.error().message())).toList();
    return new SimulationResult(
        journal.all().stream().map(v -> view(v, journal.statusOf(v))).toList(), status,
        scaled(balances.byAccount()), scaled(balances.byParty()), dimensions(balances),
        LedgerReports.trialBalanceTotals(balances),
        new Turnover(balances.debitTurnover(), balances.creditTurnover()),
        stock(book.stock()), stockLedger(book.stock()), OpenItems.of(book), invoices, approvals,
        outcomes, rejections, LedgerReports.statements(book));
  }

  static VoucherView view(Voucher v, String status) {
    List<LineView> lines = v.lines().stream().map(l -> new LineView(l.account(), l.debit(), l.credit(), l.party(),
        l.dims().dept(), l.dims().project(), l.dims().item(), l.dims().warehouse())).toList();
    return new VoucherView(v.id(), v.no(), v.date().toString(), v.period().toString(), v.source(),
        status.startsWith("posted") ? "posted" : status, v.reversalOf(), lines, v.totalDebit(), v.totalCredit());
  }

  private static Map<String, BigDecimal> scaled(Map<String, BigDecimal> balances) {
    Map<String, BigDecimal> out = new TreeMap<>();
    balances.forEach((k, v) -> out.put(k, Amounts.round(v)));
    return out;
  }

  private static Map<String, Map<String, BigDecimal>> dimensions(Balances balances) {
    Map<String, Map<String, BigDecimal>> out = new TreeMap<>();
    balances.byDept().forEach((account, byDept) -> out.put(account, scaled(byDept)));
    return out;
  }

  static Map<String, StockView> stock(StockLedger stock) {
    Map<String, StockView> out = new TreeMap<>();
    stock.positions().forEach((key, p) -> out.put(key.toString(), stockView(p)));
    return out;
  }

  private static StockView stockView(StockPosition p) {
    return new StockView(p.qty(), p.value(), Amounts.unitCost(p.value(), p.qty()), layers(p));
  }

  private static List<List<BigDecimal>> layers(StockPosition p) {
    if (p.layers() == null) return null;
    return p.layers().stream().map(l -> List.of(l.qty(), Amounts.unitCost(l.value(), l.qty()))).toList();
  }

  private static List<StockLedgerEntry> stockLedger(StockLedger stock) {
    return stock.entries().stream().map(e -> new StockLedgerEntry(e.document(), e.movement().key().item(),
        e.movement().key().warehouse(), e.movement().qtyChange(), e.movement().valueChange(), e.after().qty(),
        e.after().value(), Amounts.unitCost(e.after().value(), e.after().qty()), layers(e.after()))).toList();
  }
}
