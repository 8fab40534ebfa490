package dev.tangram.engine.forms;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A form as the designer saves it (DESIGN §4): its fields and declarative rules. Immutable; a
 * published version never changes.
 */
public record FormDefinition(
    String key, String name, @Nullable String description, List<FieldDefinition> fields, List<FormRule> rules) {

  public FormDefinition {
    fields = List.copyOf(fields);
    rules = List.copyOf(rules);
  }

  public Optional<FieldDefinition> findField(String fieldKey) {
    return fields.stream().filter(f -> f.key().equals(fieldKey)).findFirst();
  }
}
