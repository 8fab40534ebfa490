package dev.tangram.engine.records;

import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.records.internal.RecordAggregator;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A list query: filters joined with AND, sort keys, a zero-based page and its size.
 *
 * @param filters {@code {field, op, value}} with op one of {@link Filter#OPS}
 * @param sort    {@code field} ascending or {@code -field} descending; {@code _id} breaks ties
 */
public record RecordQuery(List<Filter> filters, List<String> sort, int page, int size) {

  public static final int MAX_SIZE = 200;
  public static final int DEFAULT_SIZE = 20;

  public RecordQuery {
    filters = List.copyOf(filters);
    sort = List.copyOf(sort);
  }

  /**
   * Every problem of this query's filters and sort against {@code form} (unknown fields and
   * operators, values of the wrong type), without running it; empty when it is fine.
   */
  public List<FieldError> problems(FormDefinition form) {
    return RecordAggregator.queryProblems(form, this);
  }

  /** One condition. Values are JSON as the client sent them and converted per field type. */
  public record Filter(String field, String op, JsonNode value) {

    /** The allow-listed operators (DESIGN §7); nothing else reaches MongoDB. */
    public static final List<String> OPS = List.of(
        "eq", "ne", "gt", "gte", "lt", "lte", "in", "nin", "contains", "startsWith", "between", "empty");
  }
}
