package dev.tangram.engine.views.internal;

import dev.tangram.engine.records.RecordAggregate;
import dev.tangram.engine.records.RecordQuery;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads the queries out of view and widget definitions (already checked, or being checked). */
public final class ViewQueries {

  /** Rows a list widget shows when it names no limit. */
  public static final int DEFAULT_ROWS = 10;

  private ViewQueries() {}

  /** The widget's aggregate: {@code sum} adds up {@code field}, {@code group} too when it names one. */
  public static RecordAggregate aggregate(JsonNode widget) {
    String type = widget.path("type").asString("");
    String sum = ("sum".equals(type) || "group".equals(type)) ? text(widget, "field") : null;
    int limit = widget.path("limit").isIntegralNumber() ? widget.path("limit").asInt() : RecordAggregate.DEFAULT_GROUPS;
    return new RecordAggregate(filters(widget), sum, text(widget, "groupBy"), limit);
  }

  /** A list view's or list widget's query: its filter and sort, the first {@code size} rows. */
  public static RecordQuery list(JsonNode node, int size) {
    return new RecordQuery(filters(node), sort(node), 0, size);
  }

  /** Sort keys: one string ({@code "-createdAt"}) or a list of them. */
  public static List<String> sort(JsonNode node) {
    JsonNode sort = node.path("sort");
    List<String> keys = new ArrayList<>();
    if (sort.isString()) {
      keys.add(sort.asString());
    } else if (sort.isArray()) {
      sort.forEach(k -> keys.add(k.asString("")));
    }
    return keys;
  }

  public static List<RecordQuery.Filter> filters(JsonNode node) {
    List<RecordQuery.Filter> filters = new ArrayList<>();
    node.path("filter").forEach(f -> filters.add(new RecordQuery.Filter(f.path("field").asString(""), f.path("op").asString(""),
        f.has("value") ? f.get("value") : tools.jackson.databind.node.NullNode.getInstance())));
    return filters;
  }

  private static @Nullable String text(JsonNode node, String attribute) {
    JsonNode value = node.get(attribute);
    return value == null || value.isNull() ? null : value.asString("");
  }
}
