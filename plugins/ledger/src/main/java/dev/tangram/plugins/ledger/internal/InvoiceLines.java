package dev.tangram.plugins.ledger.internal;

import dev.tangram.plugins.ledger.LedgerEvent.Line;
import dev.tangram.plugins.ledger.LedgerSettings.TaxRounding;
import dev.tangram.plugins.ledger.SimulationResult.InvoiceTotals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The lines of a supplier or customer invoice with their net (qty × price) and VAT computed. */
record InvoiceLines(List<Line> lines, TaxCalculator.InvoiceAmounts amounts, TaxRounding rounding) {

  static InvoiceLines of(PostingContext ctx) {
    List<Line> lines = ctx.lines();
    List<BigDecimal> nets = new ArrayList<>();
    List<BigDecimal> rates = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      BigDecimal net = line.amount() != null ? Amounts.round(line.amount())
          : Amounts.round(PostingContext.positive(line.qty(), "lines[" + i + "].qty")
              .multiply(PostingContext.require(line.price(), "lines[" + i + "].price", "Price")));
      nets.add(net);
      rates.add(ctx.vatRate(line));
    }
    TaxRounding rounding = ctx.settings().taxRounding();
    return new InvoiceLines(lines, TaxCalculator.compute(nets, rates, rounding), rounding);
  }

  InvoiceTotals totals() {
    return new InvoiceTotals(amounts.net(), amounts.tax(), amounts.gross(),
        rounding == TaxRounding.PER_LINE ? amounts.lineTax() : null);
  }
}
