package dev.tangram.engine.records;

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

  /** One condition. Values are JSON as the client sent them and converted per field type. */
  public record Filter(String field, String op, JsonNode value) {

    /** The allow-listed operators (DESIGN §7); nothing else reaches MongoDB. */
    public static final List<String> OPS = List.of(
        "eq", "ne", "gt", "gte", "lt", "lte", "in", "nin", "contains", "startsWith", "between", "empty");
  }
}
