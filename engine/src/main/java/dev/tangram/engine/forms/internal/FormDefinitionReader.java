package dev.tangram.engine.forms.internal;

import dev.tangram.engine.forms.FieldDefinition;
import dev.tangram.engine.forms.FieldDefinition.Option;
import dev.tangram.engine.forms.FieldDefinition.RelationTarget;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.forms.FormRule;
import dev.tangram.engine.forms.PostingRule;
import dev.tangram.engine.forms.TriggerRule;
import dev.tangram.engine.forms.fields.DefinitionProblems;
import dev.tangram.engine.forms.fields.FieldTypes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Turns the JSON of DESIGN §4 into a {@link FormDefinition}, noting every shape problem (unknown
 * attributes, wrong JSON types) instead of stopping at the first. Semantic checks are
 * {@link FormDefinitionChecker}'s.
 */
final class FormDefinitionReader {

  static final Set<String> FORM_ATTRIBUTES = Set.of("key", "name", "description", "fields", "rules", "postings", "triggers");
  static final Set<String> RULE_ATTRIBUTES = Set.of("type", "field", "when", "message", "value");
  static final Set<String> POSTING_ATTRIBUTES = Set.of("name", "target", "rows", "match", "add", "subtract", "statuses", "floor");
  static final Set<String> FLOOR_ATTRIBUTES = Set.of("field", "min", "unless", "message");
  static final Set<String> TRIGGER_ATTRIBUTES = Set.of("name", "on", "phase", "script");

  private final DefinitionProblems problems;
  private final JsonReading reading;

  FormDefinitionReader(DefinitionProblems problems) {
    this.problems = problems;
    this.reading = new JsonReading(problems);
  }

  FormDefinition read(JsonNode root, String formKey) {
    if (!root.isObject()) {
      problems.add("", "type", "A form definition must be a JSON object");
      return new FormDefinition(formKey, formKey, null, List.of(), List.of());
    }
    reading.refuseUnknown(root, "", FORM_ATTRIBUTES, "A form");
    String key = reading.string(root, "key", "", 64);
    if (key != null && !key.equals(formKey)) {
      problems.add("key", "mismatch", "The definition's key '" + key + "' differs from the form '" + formKey + "'");
    }
    String name = reading.string(root, "name", "", 100);
    String description = reading.string(root, "description", "", 2_000);
    return new FormDefinition(formKey, name == null ? formKey : name, description,
        fields(root.get("fields"), "fields"), rules(root.get("rules")), postings(root.get("postings")),
        triggers(root.get("triggers")));
  }

  private List<FieldDefinition> fields(JsonNode array, String path) {
    List<FieldDefinition> fields = new ArrayList<>();
    if (array == null || array.isNull()) {
      return fields;
    }
    if (!array.isArray()) {
      problems.add(path, "type", "'fields' must be a list");
      return fields;
    }
    for (int i = 0; i < array.size(); i++) {
      JsonNode node = array.get(i);
      String at = path + "[" + i + "]";
      if (!node.isObject()) {
        problems.add(at, "type", "Field " + (i + 1) + " must be a JSON object");
        continue;
      }
      fields.add(field(node, at));
    }
    return fields;
  }

  private FieldDefinition field(JsonNode node, String path) {
    String key = reading.string(node, "key", path, 64);
    String type = reading.string(node, "type", path, 32);
    Set<String> allowed = new HashSet<>(FieldTypes.COMMON_ATTRIBUTES);
    if (type != null) {
      FieldTypes.find(type).ifPresent(t -> allowed.addAll(t.attributes()));
    }
    reading.refuseUnknown(node, path, allowed, "Field '" + (key == null ? path : key) + "'" + (type == null ? "" : " of type " + type));
    JsonNode defaultValue = node.get("default");
    return new FieldDefinition(
        key == null ? "" : key,
        type == null ? "" : type,
        reading.string(node, "label", path, 100),
        reading.string(node, "help", path, 500),
        reading.bool(node, "required", path),
        reading.bool(node, "unique", path),
        reading.bool(node, "indexed", path),
        reading.integer(node, "minLength", path),
        reading.integer(node, "maxLength", path),
        reading.decimal(node, "min", path),
        reading.decimal(node, "max", path),
        reading.integer(node, "scale", path),
        reading.integer(node, "maxItems", path),
        options(node.get("options"), path + ".options"),
        fields(node.get("fields"), path + ".fields"),
        target(node.get("target"), path + ".target"),
        reading.string(node, "pattern", path, 200),
        reading.string(node, "formula", path, 10_000),
        defaultValue == null || defaultValue.isNull() ? null : defaultValue);
  }

  private List<Option> options(JsonNode array, String path) {
    List<Option> options = new ArrayList<>();
    if (array == null || array.isNull()) {
      return options;
    }
    if (!array.isArray()) {
      problems.add(path, "type", "'options' must be a list of strings or {value, label} objects");
      return options;
    }
    for (int i = 0; i < array.size(); i++) {
      JsonNode option = array.get(i);
      String at = path + "[" + i + "]";
      if (option.isString()) {
        options.add(new Option(option.asString(), option.asString()));
      } else if (option.isObject()) {
        reading.refuseUnknown(option, at, Set.of("value", "label"), "An option");
        String value = reading.string(option, "value", at, 200);
        String label = reading.string(option, "label", at, 200);
        options.add(new Option(value == null ? "" : value, label == null ? (value == null ? "" : value) : label));
      } else {
        problems.add(at, "type", "Option " + (i + 1) + " must be a string or a {value, label} object");
      }
    }
    return options;
  }

  private RelationTarget target(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      problems.add(path, "type", "'target' must be an object {form, display}");
      return null;
    }
    reading.refuseUnknown(node, path, Set.of("form", "display"), "A relation target");
    String form = reading.string(node, "form", path, 64);
    return new RelationTarget(form == null ? "" : form, reading.string(node, "display", path, 64));
  }

  private List<FormRule> rules(JsonNode array) {
    List<FormRule> rules = new ArrayList<>();
    if (array == null || array.isNull()) {
      return rules;
    }
    if (!array.isArray()) {
      problems.add("rules", "type", "'rules' must be a list");
      return rules;
    }
    for (int i = 0; i < array.size(); i++) {
      JsonNode node = array.get(i);
      String at = "rules[" + i + "]";
      if (!node.isObject()) {
        problems.add(at, "type", "Rule " + (i + 1) + " must be a JSON object");
        continue;
      }
      reading.refuseUnknown(node, at, RULE_ATTRIBUTES, "A rule");
      String type = reading.string(node, "type", at, 32);
      String when = reading.string(node, "when", at, 10_000);
      rules.add(new FormRule(type == null ? "" : type, reading.string(node, "field", at, 64),
          when == null ? "" : when, reading.string(node, "message", at, 500), reading.string(node, "value", at, 10_000)));
    }
    return rules;
  }

  private List<PostingRule> postings(JsonNode array) {
    List<PostingRule> postings = new ArrayList<>();
    for (JsonNode node : objects(array, "postings", "Posting")) {
      String at = "postings[" + postings.size() + "]";
      reading.refuseUnknown(node, at, POSTING_ATTRIBUTES, "A posting");
      String name = reading.string(node, "name", at, 64);
      String target = reading.string(node, "target", at, 64);
      postings.add(new PostingRule(name == null ? "" : name, target == null ? "" : target, reading.string(node, "rows", at, 64),
          stringMap(node.get("match"), at + ".match"), stringMap(node.get("add"), at + ".add"),
          stringMap(node.get("subtract"), at + ".subtract"), strings(node.get("statuses"), at + ".statuses"),
          floor(node.get("floor"), at + ".floor")));
    }
    return postings;
  }

  private PostingRule.@Nullable Floor floor(@Nullable JsonNode node, String at) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      problems.add(at, "type", "'floor' must be an object {field, min, unless, message}");
      return null;
    }
    reading.refuseUnknown(node, at, FLOOR_ATTRIBUTES, "A floor");
    String field = reading.string(node, "field", at, 64);
    BigDecimal min = reading.decimal(node, "min", at);
    return new PostingRule.Floor(field == null ? "" : field, min == null ? BigDecimal.ZERO : min,
        strings(node.get("unless"), at + ".unless"), reading.string(node, "message", at, 500));
  }

  private List<TriggerRule> triggers(JsonNode array) {
    List<TriggerRule> triggers = new ArrayList<>();
    for (JsonNode node : objects(array, "triggers", "Trigger")) {
      String at = "triggers[" + triggers.size() + "]";
      reading.refuseUnknown(node, at, TRIGGER_ATTRIBUTES, "A trigger");
      String name = reading.string(node, "name", at, 64);
      String phase = reading.string(node, "phase", at, 16);
      String script = reading.string(node, "script", at, 20_000);
      triggers.add(new TriggerRule(name == null ? "" : name, strings(node.get("on"), at + ".on"),
          phase == null ? "" : phase, script == null ? "" : script));
    }
    return triggers;
  }

  /** The objects of a list attribute; anything else is noted and skipped. */
  private List<JsonNode> objects(@Nullable JsonNode array, String attribute, String what) {
    List<JsonNode> result = new ArrayList<>();
    if (array == null || array.isNull()) {
      return result;
    }
    if (!array.isArray()) {
      problems.add(attribute, "type", "'" + attribute + "' must be a list");
      return result;
    }
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i).isObject()) {
        result.add(array.get(i));
      } else {
        problems.add(attribute + "[" + i + "]", "type", what + " " + (i + 1) + " must be a JSON object");
      }
    }
    return result;
  }

  private Map<String, String> stringMap(@Nullable JsonNode node, String at) {
    Map<String, String> result = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return result;
    }
    if (!node.isObject()) {
      problems.add(at, "type", "'" + at.substring(at.lastIndexOf('.') + 1) + "' must be an object of field keys");
      return result;
    }
    node.properties().forEach(e -> {
      if (e.getValue().isString()) {
        result.put(e.getKey(), e.getValue().asString());
      } else {
        problems.add(at + "." + e.getKey(), "type", "'" + e.getKey() + "' must name a field (a string)");
      }
    });
    return result;
  }

  private List<String> strings(@Nullable JsonNode node, String at) {
    List<String> result = new ArrayList<>();
    if (node == null || node.isNull()) {
      return result;
    }
    if (node.isString()) {
      result.add(node.asString());
      return result;
    }
    if (!node.isArray()) {
      problems.add(at, "type", "must be a list of strings");
      return result;
    }
    for (int i = 0; i < node.size(); i++) {
      if (node.get(i).isString()) {
        result.add(node.get(i).asString());
      } else {
        problems.add(at + "[" + i + "]", "type", "must be a string");
      }
    }
    return result;
  }
}
