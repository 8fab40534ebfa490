package dev.tangram.engine.forms;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A form as the designer saves it (DESIGN §4): its fields, declarative rules, postings into other
 * forms and trigger scripts. Immutable; a
 * published version never changes.
 */
public record FormDefinition(
    String key, String name, @Nullable String description, List<FieldDefinition> fields, List<FormRule> rules,
    List<PostingRule> postings, List<TriggerRule> triggers) {

  public FormDefinition {
    fields = List.copyOf(fields);
    rules = List.copyOf(rules);
    postings = List.copyOf(postings);
    triggers = List.copyOf(triggers);
  }

  public FormDefinition(String key, String name, @Nullable String description, List<FieldDefinition> fields, List<FormRule> rules) {
    this(key, name, description, fields, rules, List.of(), List.of());
  }

  public Optional<FieldDefinition> findField(String fieldKey) {
    return fields.stream().filter(f -> f.key().equals(fieldKey)).findFirst();
  }
}
