package dev.tangram.runtime.ui.records;

import dev.tangram.engine.forms.FieldDefinition;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** How a stored value reads in a list cell, an export or the history: short, plain text. */
final class CellText {

  private CellText() {}

  static String of(@Nullable FieldDefinition field, @Nullable JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "";
    }
    if (field != null && ("select".equals(field.type()) || "multiselect".equals(field.type()))) {
      List<String> labels = new ArrayList<>();
      (value.isArray() ? value : List.of(value)).forEach(v -> labels.add(field.options().stream()
          .filter(o -> o.value().equals(v.asString())).map(FieldDefinition.Option::label).findFirst().orElse(v.asString())));
      return String.join(", ", labels);
    }
    if (value.isArray()) {
      if (field != null && "subform".equals(field.type())) {
        return value.size() + " ×";
      }
      List<String> parts = new ArrayList<>();
      value.forEach(v -> parts.add(v.isObject() && v.has("name") ? v.get("name").asString() : of(null, v)));
      return String.join(", ", parts);
    }
    if (value.isBoolean()) {
      return value.asBoolean() ? "✓" : "✗";
    }
    if (value.isNumber()) {
      return value.decimalValue().toPlainString();
    }
    return value.isString() ? value.asString() : value.toString();
  }
}
