package dev.tangram.engine.forms;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A posting: each record of this form (or each row of its subform {@link #rows}) adds quantities
 * into a record of another form of the app, found by key fields — e.g. a goods receipt line adds
 * its {@code qty} to the {@code onHand} of the stock balance of its item × warehouse. Declared once,
 * it follows its source: applied when the source enters one of {@link #statuses}, adjusted by the
 * difference when the source is edited, reversed when it is deleted or leaves those statuses
 * (rejected, withdrawn). Applied exactly once per change, atomically with the source write.
 *
 * @param name     unique within the form; names the posting in errors and in the source's state
 * @param target   the form whose records receive the quantities (created on first posting)
 * @param rows     a subform of this form: one posting per row; null: one per record
 * @param match    target field → source field; the target record is the one with these values
 * @param add      target field → source field whose value is added
 * @param subtract target field → source field whose value is subtracted
 * @param statuses the source statuses in which the posting is in effect
 * @param floor    a lower limit a target field may not go below, unless the source allows it
 */
public record PostingRule(String name, String target, @Nullable String rows, Map<String, String> match,
    Map<String, String> add, Map<String, String> subtract, List<String> statuses, @Nullable Floor floor) {

  public static final List<String> DEFAULT_STATUSES = List.of("active", "approved");

  public PostingRule {
    match = Map.copyOf(match);
    add = Map.copyOf(add);
    subtract = Map.copyOf(subtract);
    statuses = statuses.isEmpty() ? DEFAULT_STATUSES : List.copyOf(statuses);
  }

  /**
   * @param field   the target field limited
   * @param min     the lowest value it may take
   * @param unless  paths {@code relationField.fieldOfRelated} (e.g. {@code item.allowNegative});
   *                when any is true on the source, the floor does not apply
   * @param message what the user is told; {field} placeholders name source values
   */
  public record Floor(String field, BigDecimal min, List<String> unless, @Nullable String message) {
    public Floor {
      unless = List.copyOf(unless);
    }
  }
}
