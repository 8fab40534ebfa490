package dev.tangram.engine.records.internal;

import dev.tangram.engine.common.Json;
import dev.tangram.engine.forms.FieldDefinition;
import dev.tangram.engine.forms.FormDefinition;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.ObjectNode;

/** Record data between JSON and the plain Java values formulas take and give (BigDecimal, String, LocalDate, lists, maps). */
final class FormulaValues {

  private FormulaValues() {}

  static Map<String, @Nullable Object> toMap(ObjectNode data) {
    Map<String, @Nullable Object> values = new LinkedHashMap<>();
    data.properties().forEach(e -> values.put(e.getKey(), toJava(e.getValue())));
    return values;
  }

  /**
   * A copy of {@code data} with the computed values of formula fields (and subform row formula
   * columns) taken from {@code computed}; every entered value keeps its JSON form.
   */
  static ObjectNode withComputed(FormDefinition form, ObjectNode data, Map<String, ?> computed) {
    ObjectNode result = data.deepCopy();
    for (FieldDefinition field : form.fields()) {
      if (field.formula() != null) {
        set(result, field.key(), computed.get(field.key()));
      }
      JsonNode rows = result.get(field.key());
      if ("subform".equals(field.type()) && rows != null && computed.get(field.key()) instanceof List<?> computedRows) {
        for (int i = 0; i < rows.size() && i < computedRows.size(); i++) {
          Map<?, ?> computedRow = (Map<?, ?>) computedRows.get(i);
          for (FieldDefinition column : field.fields()) {
            if (column.formula() != null) {
              set((ObjectNode) rows.get(i), column.key(), computedRow.get(column.key()));
            }
          }
        }
      }
    }
    return result;
  }

  private static void set(ObjectNode node, String key, @Nullable Object value) {
    if (value == null) {
      node.remove(key);
    } else {
      node.set(key, toNode(value));
    }
  }

  private static @Nullable Object toJava(JsonNode node) {
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isArray()) {
      List<@Nullable Object> list = new ArrayList<>();
      node.forEach(n -> list.add(toJava(n)));
      return list;
    }
    if (node.isObject()) {
      return toMap((ObjectNode) node);
    }
    return node.isBoolean() ? (Object) node.asBoolean() : node.isNull() ? null : node.asString();
  }

  static JsonNode toNode(Object value) {
    return switch (value) {
      case BigDecimal d -> DecimalNode.valueOf(d);
      case LocalDate date -> Json.MAPPER.getNodeFactory().stringNode(date.toString());
      case Map<?, ?> map -> {
        ObjectNode node = Json.MAPPER.createObjectNode();
        map.forEach((k, v) -> {
          if (v != null) {
            node.set(String.valueOf(k), toNode(v));
          }
        });
        yield node;
      }
      case List<?> list -> {
        ArrayNode node = Json.MAPPER.createArrayNode();
        list.forEach(v -> node.add(v == null ? Json.MAPPER.nullNode() : toNode(v)));
        yield node;
      }
      default -> Json.MAPPER.valueToTree(value);
    };
  }
}
