package dev.tangram.plugins.ledger.internal;

import dev.tangram.plugins.ledger.LedgerSettings.TaxRounding;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Net and VAT of an invoice. Per line: each line's tax rounded to the cent, the document's tax is
 * their sum (what a fapiao prints). Global: the net per tax rate summed, then rounded once.
 */
final class TaxCalculator {

  /** Amounts of one invoice; {@code lineTax} is per line under both methods (global: unrounded share). */
  record InvoiceAmounts(List<BigDecimal> lineNet, List<BigDecimal> lineTax, BigDecimal net, BigDecimal tax) {
    BigDecimal gross() {
      return net.add(tax);
    }
  }

  private TaxCalculator() {}

  static InvoiceAmounts compute(List<BigDecimal> lineNet, List<BigDecimal> rates, TaxRounding rounding) {
    List<BigDecimal> lineTax = new ArrayList<>();
    for (int i = 0; i < lineNet.size(); i++) lineTax.add(Amounts.round(lineNet.get(i).multiply(rates.get(i))));
    BigDecimal net = lineNet.stream().reduce(Amounts.ZERO, BigDecimal::add);
    BigDecimal tax;
    if (rounding == TaxRounding.PER_LINE) {
      tax = lineTax.stream().reduce(Amounts.ZERO, BigDecimal::add);
    } else {
      Map<BigDecimal, BigDecimal> netByRate = new TreeMap<>();
      for (int i = 0; i < lineNet.size(); i++) {
        netByRate.merge(rates.get(i).stripTrailingZeros(), lineNet.get(i), BigDecimal::add);
      }
      tax = netByRate.entrySet().stream().map(e -> Amounts.round(e.getValue().multiply(e.getKey())))
          .reduce(Amounts.ZERO, BigDecimal::add);
    }
    return new InvoiceAmounts(lineNet, lineTax, net, tax);
  }
}
