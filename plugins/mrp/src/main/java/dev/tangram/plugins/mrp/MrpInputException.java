package dev.tangram.plugins.mrp;

import dev.tangram.engine.plugins.PluginActionException;

/**
 * The planner refused its input; nothing was planned. {@link #code()} is one of the constants
 * below, {@link #field()} the offending input path (e.g. {@code items[2].onHand}).
 */
public class MrpInputException extends PluginActionException {

  /** The BOMs contain an item in its own tree; the message names the path, e.g. {@code A -> B -> A}. */
  public static final String BOM_CYCLE = "BOM_CYCLE";
  /** A quantity, lead time or percentage is below zero. */
  public static final String NEGATIVE_QUANTITY = "NEGATIVE_QUANTITY";
  /** A BOM, demand or supply line names an item that is not in {@code items}. */
  public static final String UNKNOWN_ITEM = "UNKNOWN_ITEM";
  /** Two items share a code. */
  public static final String DUPLICATE_ITEM = "DUPLICATE_ITEM";
  /** A lot-sizing rule lacks its quantity, or a yield / BOM output is not positive. */
  public static final String INVALID_PLANNING_DATA = "INVALID_PLANNING_DATA";
  /** The calendar has no periods or no start, or a required value is missing. */
  public static final String MISSING_VALUE = "MISSING_VALUE";

  public MrpInputException(String code, String field, String message) {
    super(code, field, message);
  }
}
