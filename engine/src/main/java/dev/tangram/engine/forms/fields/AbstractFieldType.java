package dev.tangram.engine.forms.fields;

import dev.tangram.engine.common.Json;
import dev.tangram.engine.forms.FieldDefinition;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Shared plumbing of the field types: names, attribute sets and string storage. */
abstract class AbstractFieldType implements FieldType {

  private final String name;
  private final Set<String> attributes;

  AbstractFieldType(String name, Set<String> attributes) {
    this.name = name;
    this.attributes = attributes;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Set<String> attributes() {
    return attributes;
  }

  @Override
  public void check(FieldDefinition field, String path, DefinitionProblems problems) {}

  @Override
  public Object toStored(JsonNode value, FieldDefinition field) {
    return value.asString();
  }

  @Override
  public JsonNode fromStored(Object stored, FieldDefinition field) {
    return Json.MAPPER.valueToTree(stored);
  }

  static ObjectNode object() {
    return Json.MAPPER.createObjectNode();
  }

  static ObjectNode typed(String jsonType) {
    return object().put("type", jsonType);
  }

  /** An array of {@code items}: at most {@code maxItems}, at least one when the field is required. */
  static ObjectNode list(ObjectNode items, int maxItems, boolean required) {
    ObjectNode schema = typed("array").put("maxItems", maxItems);
    schema.set("items", items);
    if (required) {
      schema.put("minItems", 1);
    }
    return schema;
  }

  static void checkLengths(FieldDefinition field, String path, DefinitionProblems problems, int ceiling) {
    Integer min = field.minLength();
    Integer max = field.maxLength();
    if (min != null && min < 0) {
      problems.add(path + ".minLength", "range", "minLength of '" + field.key() + "' is negative: " + min);
    }
    if (max != null && (max < 1 || max > ceiling)) {
      problems.add(path + ".maxLength", "range",
          "maxLength of '" + field.key() + "' must be between 1 and " + ceiling + ", not " + max);
    }
    if (min != null && max != null && min > max) {
      problems.add(path + ".minLength", "minAboveMax",
          "minLength " + min + " of '" + field.key() + "' is above its maxLength " + max);
    }
  }

  static void checkMaxItems(FieldDefinition field, String path, DefinitionProblems problems, int ceiling) {
    Integer max = field.maxItems();
    if (max != null && (max < 1 || max > ceiling)) {
      problems.add(path + ".maxItems", "range",
          "maxItems of '" + field.key() + "' must be between 1 and " + ceiling + ", not " + max);
    }
  }
}
