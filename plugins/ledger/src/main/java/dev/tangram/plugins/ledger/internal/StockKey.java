package dev.tangram.plugins.ledger.internal;

/** An item in a warehouse: the unit of stock valuation. */
record StockKey(String item, String warehouse) implements Comparable<StockKey> {

  @Override
  public String toString() {
    return item + "@" + warehouse;
  }

  @Override
  public int compareTo(StockKey other) {
    return toString().compareTo(other.toString());
  }
}
