package dev.tangram.plugins.ledger.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * FIFO (先进先出): a queue of layers, oldest first. An issue consumes whole layers at their value and
 * a part of a layer at round(qty × layerValue / layerQty, 2).
 */
record FifoPosition(String account, List<Layer> layers, BigDecimal qty, BigDecimal value) implements StockPosition {

  FifoPosition {
    layers = List.copyOf(layers);
  }

  /** Totals are summed once here, not on every read: the invariant check reads them after each posting. */
  FifoPosition(String account, List<Layer> layers) {
    this(account, layers, layers.stream().map(Layer::qty).reduce(BigDecimal.ZERO, BigDecimal::add),
        layers.stream().map(Layer::value).reduce(Amounts.ZERO, BigDecimal::add));
  }

  static FifoPosition empty(String account) {
    return new FifoPosition(account, List.of());
  }

  @Override
  public StockPosition receive(BigDecimal qty, BigDecimal value, String source) {
    List<Layer> next = new ArrayList<>(layers);
    next.add(new Layer(qty, value, source));
    return new FifoPosition(account, next);
  }

  @Override
  public Issue issue(BigDecimal qty) {
    List<Layer> left = new ArrayList<>(layers);
    List<Layer> consumed = new ArrayList<>();
    BigDecimal open = qty;
    while (open.signum() > 0 && !left.isEmpty()) {
      Layer head = left.getFirst();
      BigDecimal take = open.min(head.qty());
      BigDecimal takeValue = take.compareTo(head.qty()) == 0
          ? head.value() : Amounts.proRata(take, head.value(), head.qty());
      consumed.add(new Layer(take, takeValue, head.source()));
      if (take.compareTo(head.qty()) == 0) left.removeFirst();
      else left.set(0, new Layer(head.qty().subtract(take), head.value().subtract(takeValue), head.source()));
      open = open.subtract(take);
    }
    BigDecimal value = consumed.stream().map(Layer::value).reduce(Amounts.ZERO, BigDecimal::add);
    return new Issue(new FifoPosition(account, left), value, consumed);
  }

  @Override
  public StockPosition restore(List<Layer> consumed) {
    // Returned stock goes back to the front: it is older than anything received since.
    List<Layer> next = new ArrayList<>(consumed);
    next.addAll(layers);
    return new FifoPosition(account, next);
  }

  @Override
  public @Nullable StockPosition withoutReceipt(BigDecimal qty, BigDecimal value, String source) {
    for (int i = 0; i < layers.size(); i++) {
      Layer layer = layers.get(i);
      if (layer.source().equals(source) && layer.qty().compareTo(qty) == 0
          && layer.value().compareTo(value) == 0) {
        List<Layer> next = new ArrayList<>(layers);
        next.remove(i);
        return new FifoPosition(account, next);
      }
    }
    return null;
  }

  @Override
  public BigDecimal onHandFrom(String source, BigDecimal received) {
    return layers.stream().filter(l -> l.source().equals(source)).map(Layer::qty)
        .reduce(BigDecimal.ZERO, BigDecimal::add).min(received);
  }

  @Override
  public StockPosition revalue(BigDecimal amount, String source) {
    List<Layer> next = new ArrayList<>(layers);
    int at = 0;
    for (int i = 0; i < next.size(); i++) {
      if (next.get(i).source().equals(source)) at = i;
    }
    Layer layer = next.get(at);
    next.set(at, new Layer(layer.qty(), layer.value().add(amount), layer.source()));
    return new FifoPosition(account, next);
  }
}
