package dev.tangram.engine.forms.internal;

import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.Keys;
import java.util.Map;
import dev.tangram.engine.forms.FieldDefinition;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.forms.FormRule;
import dev.tangram.engine.forms.PostingRule;
import dev.tangram.engine.forms.TriggerRule;
import dev.tangram.engine.forms.fields.DefinitionProblems;
import dev.tangram.engine.forms.fields.FieldType;
import dev.tangram.engine.forms.fields.FieldTypes;
import dev.tangram.engine.schema.FormSchemaCompiler;
import dev.tangram.engine.schema.SchemaValidator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The semantic checks of a form definition: keys, types, type attributes, relations to existing
 * forms, defaults of the right type, rules that name real fields, index budget. Adds every problem
 * found to the same {@link DefinitionProblems}.
 */
final class FormDefinitionChecker {

  static final int MAX_FIELDS = 300;
  static final int MAX_COLUMNS = 100;
  /** MongoDB allows 64 indexes per collection; a few are ours (_id, system fields). */
  static final int MAX_INDEXED_FIELDS = 60;
  static final Set<String> RULE_TYPES = Set.of("visible", "required", "validate", "default");
  static final Set<String> TRIGGER_EVENTS = Set.of("record.created", "record.updated", "record.deleted",
      "flow.started", "flow.completed", "task.created", "task.completed");

  private final DefinitionProblems problems;
  private final Set<String> formsOfApp;

  FormDefinitionChecker(DefinitionProblems problems, Set<String> formsOfApp) {
    this.problems = problems;
    this.formsOfApp = formsOfApp;
  }

  void check(FormDefinition form) {
    if (form.fields().size() > MAX_FIELDS) {
      problems.add("fields", "maxItems", "A form has at most " + MAX_FIELDS + " fields, this one " + form.fields().size());
    }
    checkFields(form.fields(), "fields", true, form.key());
    long indexed = form.fields().stream().filter(f -> f.unique() || f.indexed() || "serial".equals(f.type())).count();
    if (indexed > MAX_INDEXED_FIELDS) {
      problems.add("fields", "tooManyIndexes", indexed + " fields are unique or indexed; at most " + MAX_INDEXED_FIELDS + " can be");
    }
    checkRules(form);
    checkPostings(form);
    checkTriggers(form);
  }

  private void checkFields(List<FieldDefinition> fields, String path, boolean topLevel, String formKey) {
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < fields.size(); i++) {
      FieldDefinition field = fields.get(i);
      String at = path + "[" + i + "]";
      if (field.key().isEmpty()) {
        problems.add(at + ".key", "required", "Field " + (i + 1) + " has no key");
      } else if (!Keys.isValid(field.key())) {
        problems.add(at + ".key", "pattern", "'" + field.key() + "' is not a valid key: use a letter, then letters, digits or _");
      } else if (!keys.add(field.key())) {
        problems.add(at + ".key", "duplicate", "The key '" + field.key() + "' is used twice");
      }
      checkField(field, at, topLevel, formKey);
    }
  }

  private void checkField(FieldDefinition field, String at, boolean topLevel, String formKey) {
    if (field.type().isEmpty()) {
      problems.add(at + ".type", "required", "Field '" + field.key() + "' has no type");
      return;
    }
    FieldType type = FieldTypes.find(field.type()).orElse(null);
    if (type == null) {
      problems.add(at + ".type", "unknownType", "Field '" + field.key() + "' has unknown type '" + field.type()
          + "'; known types: " + String.join(", ", FieldTypes.names()));
      return;
    }
    type.check(field, at, problems);
    if ((field.unique() || field.indexed()) && (!type.indexable() || !topLevel)) {
      problems.add(at + (field.unique() ? ".unique" : ".indexed"), "notIndexable",
          "Field '" + field.key() + "' cannot be unique or indexed" + (topLevel ? " (type " + field.type() + ")" : " inside a subform"));
    }
    if ("subform".equals(field.type())) {
      if (!topLevel) {
        problems.add(at + ".type", "nestedSubform", "Subform '" + field.key() + "' is inside another subform; subforms do not nest");
      } else if (field.fields().size() > MAX_COLUMNS) {
        problems.add(at + ".fields", "maxItems", "Subform '" + field.key() + "' has more than " + MAX_COLUMNS + " fields");
      }
      checkFields(field.fields(), at + ".fields", false, formKey);
    }
    if ("relation".equals(field.type()) && field.target() != null && Keys.isValid(field.target().form())
        && !formsOfApp.contains(field.target().form()) && !field.target().form().equals(formKey)) {
      problems.add(at + ".target.form", "unknownForm", "Relation '" + field.key() + "' points at form '" + field.target().form() + "', which this app does not have");
    }
    checkComputed(field, at);
  }

  private void checkComputed(FieldDefinition field, String at) {
    if (field.formula() != null && field.formula().isBlank()) {
      problems.add(at + ".formula", "blank", "The formula of '" + field.key() + "' is empty");
    }
    if (field.formula() != null && field.defaultValue() != null) {
      problems.add(at + ".default", "conflict", "Field '" + field.key() + "' has a formula, so it cannot have a default");
    }
    if (field.defaultValue() != null && !"subform".equals(field.type())) {
      List<FieldError> errors = SchemaValidator.validate(
          SchemaValidator.load(FormSchemaCompiler.compileField(field)), field.defaultValue(), at + ".default");
      if (!errors.isEmpty()) {
        problems.add(at + ".default", "invalidDefault", "The default of '" + field.key() + "' is not a valid value: "
            + errors.getFirst().message().replace("'" + at + ".default' ", ""));
      }
    }
  }

  private void checkRules(FormDefinition form) {
    for (int i = 0; i < form.rules().size(); i++) {
      FormRule rule = form.rules().get(i);
      String at = "rules[" + i + "]";
      if (!RULE_TYPES.contains(rule.type())) {
        problems.add(at + ".type", "unknownType", "Rule " + (i + 1) + " has type '" + rule.type() + "'; use one of visible, required, validate, default");
      }
      boolean isDefault = "default".equals(rule.type());
      if (isDefault && (rule.value() == null || rule.value().isBlank())) {
        problems.add(at + ".value", "required", "A default rule needs the expression of its value ('value')");
      }
      if (!isDefault && rule.when().isBlank()) {
        problems.add(at + ".when", "required", "Rule " + (i + 1) + " needs a condition ('when')");
      }
      if (rule.field() != null && form.findField(rule.field()).isEmpty()) {
        problems.add(at + ".field", "unknownField", "Rule " + (i + 1) + " names field '" + rule.field() + "', which the form does not have");
      }
      if (rule.field() == null && !"validate".equals(rule.type())) {
        problems.add(at + ".field", "required", "A " + rule.type() + " rule must name its field");
      }
      if ("validate".equals(rule.type()) && (rule.message() == null || rule.message().isBlank())) {
        problems.add(at + ".message", "required", "A validate rule needs the message shown when it fails");
      }
    }
  }

  private void checkPostings(FormDefinition form) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < form.postings().size(); i++) {
      PostingRule p = form.postings().get(i);
      String at = "postings[" + i + "]";
      if (!Keys.isValid(p.name())) {
        problems.add(at + ".name", "invalid", "Posting " + (i + 1) + " needs a name of letters, digits and _");
      } else if (!names.add(p.name())) {
        problems.add(at + ".name", "duplicate", "Two postings are named '" + p.name() + "'");
      }
      if (!formsOfApp.contains(p.target())) {
        problems.add(at + ".target", "unknownForm", "Posting '" + p.name() + "' targets form '" + p.target() + "', which the app does not have");
      }
      List<FieldDefinition> rowFields = List.of();
      if (p.rows() != null) {
        var rows = form.findField(p.rows()).filter(f -> "subform".equals(f.type()));
        if (rows.isEmpty()) {
          problems.add(at + ".rows", "unknownField", "Posting '" + p.name() + "' reads rows of '" + p.rows() + "', which is not a subform of this form");
        } else {
          rowFields = rows.get().fields();
        }
      }
      if (p.match().isEmpty()) {
        problems.add(at + ".match", "required", "Posting '" + p.name() + "' needs the key fields that find its target record ('match')");
      }
      if (p.add().isEmpty() && p.subtract().isEmpty()) {
        problems.add(at + ".add", "required", "Posting '" + p.name() + "' needs quantities to 'add' or 'subtract'");
      }
      List<FieldDefinition> scope = rowFields;
      for (var entry : List.of(Map.entry("match", p.match()), Map.entry("add", p.add()), Map.entry("subtract", p.subtract()))) {
        entry.getValue().forEach((target, source) -> {
          if (scope.stream().noneMatch(f -> f.key().equals(source)) && form.findField(source).isEmpty()) {
            problems.add(at + "." + entry.getKey() + "." + target, "unknownField",
                "Posting '" + p.name() + "' reads field '" + source + "', which the form" + (p.rows() == null ? "" : " and its rows") + " do not have");
          }
        });
      }
      if (p.floor() != null && !p.add().containsKey(p.floor().field()) && !p.subtract().containsKey(p.floor().field())) {
        problems.add(at + ".floor.field", "unknownField", "The floor of posting '" + p.name() + "' limits '" + p.floor().field()
            + "', which the posting does not change");
      }
    }
  }

  private void checkTriggers(FormDefinition form) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < form.triggers().size(); i++) {
      TriggerRule t = form.triggers().get(i);
      String at = "triggers[" + i + "]";
      if (!Keys.isValid(t.name())) {
        problems.add(at + ".name", "invalid", "Trigger " + (i + 1) + " needs a name of letters, digits and _");
      } else if (!names.add(t.name())) {
        problems.add(at + ".name", "duplicate", "Two triggers are named '" + t.name() + "'");
      }
      if (!"before".equals(t.phase()) && !"after".equals(t.phase())) {
        problems.add(at + ".phase", "invalid", "Trigger '" + t.name() + "' must run 'before' or 'after' the write");
      }
      for (String on : t.on()) {
        if (!TRIGGER_EVENTS.contains(on)) {
          problems.add(at + ".on", "invalid", "Trigger '" + t.name() + "' reacts to '" + on + "'; use one of " + TRIGGER_EVENTS);
        } else if ("before".equals(t.phase()) && !on.startsWith("record.")) {
          problems.add(at + ".on", "invalid", "A before trigger can only react to record events, not '" + on + "'");
        }
      }
      if (t.script().isBlank()) {
        problems.add(at + ".script", "required", "Trigger '" + t.name() + "' needs a script");
      }
    }
  }


}
