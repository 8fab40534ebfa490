package dev.tangram.plugins.ledger.internal;

import org.jspecify.annotations.Nullable;

/** Analysis dimensions of a voucher line; any may be absent. */
record Dimensions(
    @Nullable String dept, @Nullable String project, @Nullable String item, @Nullable String warehouse) {

  static final Dimensions NONE = new Dimensions(null, null, null, null);

  static Dimensions dept(@Nullable String dept) {
    return new Dimensions(dept, null, null, null);
  }

  static Dimensions stock(String item, @Nullable String warehouse) {
    return new Dimensions(null, null, item, warehouse);
  }

  static Dimensions item(@Nullable String item) {
    return new Dimensions(null, null, item, null);
  }
}
