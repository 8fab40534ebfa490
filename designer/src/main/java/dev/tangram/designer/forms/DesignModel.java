package dev.tangram.designer.forms;

import dev.tangram.engine.forms.FieldDefinition;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.forms.FormRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The form being designed: its key, name and fields (a tree one level deep: subform columns).
 * Rules other than the per-field visibility the property panel edits are kept as they were loaded.
 */
final class DesignModel {

  String key;
  String name;
  final List<DesignField> fields = new ArrayList<>();
  private final List<FormRule> otherRules = new ArrayList<>();
  private final FormDefinition loaded;
  private int counter;

  DesignModel(String key, String name) {
    this(new FormDefinition(key, name, null, List.of(), List.of()));
  }

  DesignModel(FormDefinition form) {
    this.loaded = form;
    this.key = form.key();
    this.name = form.name();
    form.fields().forEach(f -> fields.add(DesignField.of(f, form.rules())));
    form.rules().stream().filter(r -> !"visible".equals(r.type())).forEach(otherRules::add);
    counter = form.fields().size();
  }

  /** A new field of {@code type} with a key not used yet. */
  DesignField newField(String type) {
    String candidate;
    do {
      candidate = type + (++counter);
    } while (find(candidate).isPresent());
    return new DesignField(candidate, type);
  }

  Optional<DesignField> find(String fieldKey) {
    return all().stream().filter(f -> f.key.equals(fieldKey)).findFirst();
  }

  List<DesignField> all() {
    List<DesignField> all = new ArrayList<>();
    for (DesignField f : fields) {
      all.add(f);
      all.addAll(f.fields);
    }
    return all;
  }

  /** The list that holds {@code field}: the top level or a subform's columns. */
  List<DesignField> parentListOf(DesignField field) {
    if (fields.contains(field)) {
      return fields;
    }
    return fields.stream().filter(f -> f.fields.contains(field)).findFirst().map(f -> f.fields).orElse(fields);
  }

  /** Moves (or inserts) {@code field} into {@code target} before {@code before} (at the end when null). */
  void place(DesignField field, List<DesignField> target, @org.jspecify.annotations.Nullable DesignField before) {
    if (field.isSubform() && target != fields) {
      return; // subforms do not nest
    }
    if (field == before || (field.isSubform() && field.fields == target)) {
      return;
    }
    removeEverywhere(f -> f == field);
    int at = before == null ? -1 : target.indexOf(before);
    if (at < 0) {
      target.add(field);
    } else {
      target.add(at, field);
    }
  }

  void remove(DesignField field) {
    removeEverywhere(f -> f == field);
  }

  private void removeEverywhere(Predicate<DesignField> which) {
    fields.removeIf(which);
    fields.forEach(f -> f.fields.removeIf(which));
  }

  FormDefinition toDefinition() {
    List<FieldDefinition> definitions = fields.stream().map(DesignField::toDefinition).toList();
    List<FormRule> rules = new ArrayList<>(otherRules);
    fields.forEach(f -> f.visibility().ifPresent(rules::add));
    return new FormDefinition(key.trim(), name.trim().isEmpty() ? key.trim() : name.trim(), loaded.description(), definitions, rules,
        loaded.postings(), loaded.triggers());
  }
}
