package dev.tangram.engine.records.internal;

import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.forms.FieldDefinition;
import dev.tangram.engine.forms.FormDefinition;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code data} object of a request body, cleaned before validation: {@code null} means "no
 * value", and values of computed fields (formulas, serials) are the server's to set, so a client's
 * are dropped.
 */
final class SubmittedData {

  private SubmittedData() {}

  /** The {@code data} of a body {@code {"data": {...}}}; any other top-level member is refused. */
  static ObjectNode of(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ValidationException.of("body", "type", "The request body must be a JSON object {\"data\": {...}}");
    }
    for (String name : body.propertyNames()) {
      if (!"data".equals(name)) {
        throw ValidationException.of(name, "unknownField", "Unknown member '" + name + "': the body is {\"data\": {...}}");
      }
    }
    JsonNode data = body.get("data");
    if (data == null || !data.isObject()) {
      throw ValidationException.of("data", "type", "'data' must be a JSON object of field values");
    }
    return (ObjectNode) data.deepCopy();
  }

  /** Removes nulls and computed fields, at the top level and in subform rows. */
  static ObjectNode clean(FormDefinition form, ObjectNode data) {
    removeNullsAndComputed(data, form.fields().stream().filter(FieldDefinition::isComputed).map(FieldDefinition::key).toList());
    for (FieldDefinition field : form.fields()) {
      JsonNode rows = data.get(field.key());
      if ("subform".equals(field.type()) && rows != null && rows.isArray()) {
        var computed = field.fields().stream().filter(FieldDefinition::isComputed).map(FieldDefinition::key).toList();
        rows.forEach(row -> {
          if (row.isObject()) {
            removeNullsAndComputed((ObjectNode) row, computed);
          }
        });
      }
    }
    return data;
  }

  /** Fills fields the client left out with their literal defaults, in subform rows too. */
  static void applyDefaults(FormDefinition form, ObjectNode data) {
    applyDefaults(form.fields(), data);
    for (FieldDefinition field : form.fields()) {
      JsonNode rows = data.get(field.key());
      if ("subform".equals(field.type()) && rows != null && rows.isArray()) {
        rows.forEach(row -> {
          if (row.isObject()) {
            applyDefaults(field.fields(), (ObjectNode) row);
          }
        });
      }
    }
  }

  private static void applyDefaults(List<FieldDefinition> fields, ObjectNode data) {
    for (FieldDefinition field : fields) {
      if (field.defaultValue() != null && !data.has(field.key())) {
        data.set(field.key(), field.defaultValue().deepCopy());
      }
    }
  }

  private static void removeNullsAndComputed(ObjectNode node, List<String> computed) {
    Set<String> names = Set.copyOf(node.propertyNames());
    for (String name : names) {
      if (node.get(name).isNull() || computed.contains(name)) {
        node.remove(name);
      }
    }
  }

}
