package dev.tangram.plugins.ledger.internal;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Moving average (移动加权平均): only quantity and value are kept, never a rounded unit cost. An
 * issue is valued at round(qty × value / onHand, 2); the issue that empties the stock takes what is
 * left, so no cent stays behind at zero quantity (Odoo PR #46850).
 */
record MovingAveragePosition(String account, BigDecimal qty, BigDecimal value) implements StockPosition {

  static MovingAveragePosition empty(String account) {
    return new MovingAveragePosition(account, BigDecimal.ZERO, Amounts.ZERO);
  }

  @Override
  public StockPosition receive(BigDecimal addQty, BigDecimal addValue, String source) {
    return new MovingAveragePosition(account, qty.add(addQty), value.add(addValue));
  }

  @Override
  public Issue issue(BigDecimal issueQty) {
    BigDecimal issued = issueQty.compareTo(qty) == 0 ? value : Amounts.proRata(issueQty, value, qty);
    var after = new MovingAveragePosition(account, qty.subtract(issueQty), value.subtract(issued));
    return new Issue(after, issued, List.of(new Layer(issueQty, issued, "average")));
  }

  @Override
  public StockPosition restore(List<Layer> consumed) {
    StockPosition result = this;
    for (Layer layer : consumed) result = result.receive(layer.qty(), layer.value(), layer.source());
    return result;
  }

  @Override
  public @Nullable StockPosition withoutReceipt(BigDecimal removeQty, BigDecimal removeValue, String source) {
    BigDecimal newQty = qty.subtract(removeQty);
    BigDecimal newValue = value.subtract(removeValue);
    // Taking a receipt back must not leave negative stock, nor value at zero quantity.
    if (newQty.signum() < 0 || newValue.signum() < 0 || (newQty.signum() == 0 && newValue.signum() != 0)) {
      return null;
    }
    return new MovingAveragePosition(account, newQty, newValue);
  }

  @Override
  public BigDecimal onHandFrom(String source, BigDecimal received) {
    return received.min(qty);
  }

  @Override
  public StockPosition revalue(BigDecimal amount, String source) {
    return new MovingAveragePosition(account, qty, value.add(amount));
  }

  @Override
  public @Nullable List<Layer> layers() {
    return null;
  }
}
