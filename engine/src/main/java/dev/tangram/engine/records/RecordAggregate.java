package dev.tangram.engine.records;

import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.records.internal.RecordAggregator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An aggregate query over a form's records: how many records (or the sum of a number or money
 * field) match the filters, in total and per group.
 *
 * @param filters as in {@link RecordQuery}, joined with AND
 * @param sum     a number or money field to add up; null counts records
 * @param groupBy a field of the form or a system field; a date, datetime, {@code createdAt} or
 *                {@code updatedAt} may carry a bucket: {@code createdAt:day|week|month} (UTC,
 *                ISO weeks); null gives only the total
 * @param limit   at most this many groups (1 to {@value #MAX_GROUPS}): the largest ones, or of date
 *                buckets the latest ones; the rest is added up as "other"
 */
public record RecordAggregate(List<RecordQuery.Filter> filters, @Nullable String sum, @Nullable String groupBy, int limit) {

  public static final int MAX_GROUPS = 50;
  public static final int DEFAULT_GROUPS = 12;
  /** Date buckets a {@code groupBy} may name after a colon. */
  public static final List<String> BUCKETS = List.of("day", "week", "month");

  public RecordAggregate {
    filters = List.copyOf(filters);
  }

  /**
   * Every problem this aggregate has against {@code form} — unknown fields, fields that cannot be
   * added up or grouped, bad buckets, filters with unknown operators or values of the wrong type —
   * without running it; empty when it is fine. Field names are {@code field}, {@code groupBy},
   * {@code filter[i].…} and {@code limit}.
   */
  public List<FieldError> problems(FormDefinition form) {
    try {
      RecordAggregator.plan(form, this);
      return List.of();
    } catch (ValidationException e) {
      return e.errors();
    }
  }

  public static RecordAggregate count(List<RecordQuery.Filter> filters, @Nullable String groupBy) {
    return new RecordAggregate(filters, null, groupBy, DEFAULT_GROUPS);
  }
}
