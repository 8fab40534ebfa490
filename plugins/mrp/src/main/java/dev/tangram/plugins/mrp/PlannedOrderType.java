package dev.tangram.plugins.mrp;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a planned order becomes once a planner confirms it: a work order or a purchase requisition. */
public enum PlannedOrderType {
  PRODUCTION,
  PURCHASE;

  @JsonValue
  String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
