package dev.tangram.engine.records.internal;

import dev.tangram.engine.forms.FieldDefinition;
import dev.tangram.engine.forms.FormDefinition;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A field a query may filter or sort on, resolved against the form: a system field, a field of
 * the form, or {@code subform.column}. Anything else (dotted paths beyond that, {@code $}
 * operators) resolves to nothing, so user input never becomes a raw MongoDB path.
 *
 * @param path       the MongoDB path, e.g. {@code data.amount}
 * @param definition the field's definition; null for system fields
 * @param kind       {@code string}, {@code decimal}, {@code boolean}, {@code instant}, {@code id} or {@code int}
 */
record QueryField(String name, String path, @Nullable FieldDefinition definition, String kind, boolean sortable) {

  private static final Map<String, String> SYSTEM = Map.of(
      "_id", "id", "status", "string", "createdBy", "string", "updatedBy", "string",
      "createdAt", "instant", "updatedAt", "instant", "formVersion", "int", "version", "int");

  static Optional<QueryField> resolve(FormDefinition form, String name) {
    if (SYSTEM.containsKey(name)) {
      return Optional.of(new QueryField(name, name, null, SYSTEM.get(name), true));
    }
    int dot = name.indexOf('.');
    if (dot < 0) {
      return form.findField(name).filter(f -> !"subform".equals(f.type()))
          .map(f -> new QueryField(name, "data." + name, f, kindOf(f), true));
    }
    String parent = name.substring(0, dot);
    String column = name.substring(dot + 1);
    return form.findField(parent).filter(f -> "subform".equals(f.type()))
        .flatMap(f -> f.fields().stream().filter(c -> c.key().equals(column)).findFirst())
        .map(c -> new QueryField(name, "data." + parent + "." + column, c, kindOf(c), false));
  }

  private static String kindOf(FieldDefinition field) {
    return switch (field.type()) {
      case "number", "money" -> "decimal";
      case "boolean" -> "boolean";
      case "attachment", "image" -> "file";
      default -> "string";
    };
  }
}
