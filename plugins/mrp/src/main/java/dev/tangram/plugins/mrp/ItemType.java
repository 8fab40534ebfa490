package dev.tangram.plugins.mrp;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether an item is made (planned production orders) or bought (planned purchase orders). */
public enum ItemType {
  MAKE(PlannedOrderType.PRODUCTION),
  BUY(PlannedOrderType.PURCHASE);

  private final PlannedOrderType plannedOrderType;

  ItemType(PlannedOrderType plannedOrderType) {
    this.plannedOrderType = plannedOrderType;
  }

  /** The kind of planned order MRP proposes for this type of item. */
  public PlannedOrderType plannedOrderType() {
    return plannedOrderType;
  }

  @JsonValue
  String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  static ItemType fromJson(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "make", "manufacture", "production" -> MAKE;
      case "buy", "purchase" -> BUY;
      default -> throw new IllegalArgumentException("Unknown item type '" + value + "' (make | buy)");
    };
  }
}
