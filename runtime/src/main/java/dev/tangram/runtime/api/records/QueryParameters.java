package dev.tangram.runtime.api.records;

import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.records.RecordQuery.Filter;
import dev.tangram.runtime.api.errors.BadRequestException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/** Reads the {@code filter} and {@code sort} query parameters of a record list. */
final class QueryParameters {

  private static final Set<String> FILTER_MEMBERS = Set.of("field", "op", "value");

  private QueryParameters() {}

  static List<Filter> filters(@Nullable String parameter) {
    if (parameter == null || parameter.isBlank()) {
      return List.of();
    }
    JsonNode list;
    try {
      list = Json.MAPPER.readTree(parameter);
    } catch (JacksonException e) {
      throw new BadRequestException("filter", "malformedJson", "'filter' is not valid JSON: " + e.getOriginalMessage());
    }
    if (!list.isArray()) {
      throw new BadRequestException("filter", "type", "'filter' must be a JSON list of {field, op, value}");
    }
    List<Filter> filters = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      String at = "filter[" + i + "]";
      if (!item.isObject() || !item.path("field").isString() || !item.path("op").isString()
          || !FILTER_MEMBERS.containsAll(item.propertyNames())) {
        errors.add(new FieldError(at, "type", at + " must be an object {field, op, value} with string field and op"));
        continue;
      }
      filters.add(new Filter(item.get("field").asString(), item.get("op").asString(),
          item.has("value") ? item.get("value") : NullNode.getInstance()));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return filters;
  }

  static List<String> sort(@Nullable String parameter) {
    if (parameter == null || parameter.isBlank()) {
      return List.of();
    }
    return Arrays.stream(parameter.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
