package dev.tangram.engine.forms.fields;

import dev.tangram.engine.forms.FieldDefinition;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a kind of field is: which attributes it takes, how its definition is checked, the JSON
 * Schema its values must satisfy and how values are stored in MongoDB. One implementation per
 * type name; registered in {@link FieldTypes}.
 */
public interface FieldType {

  /** The name used in definitions, e.g. {@code "money"}. */
  String name();

  /** Attributes this type accepts beyond {@link FieldTypes#COMMON_ATTRIBUTES}. */
  Set<String> attributes();

  /** Adds a problem for each type-specific attribute that is wrong. Called when a form is saved. */
  void check(FieldDefinition field, String path, DefinitionProblems problems);

  /** The JSON Schema 2020-12 fragment a value of this field must satisfy. */
  ObjectNode schema(FieldDefinition field);

  /** Converts a value that passed {@link #schema} to what is stored in MongoDB. */
  Object toStored(JsonNode value, FieldDefinition field);

  /** Converts a stored value back to JSON. */
  JsonNode fromStored(Object stored, FieldDefinition field);

  /** Whether a {@code unique} or {@code indexed} flag makes sense for this type. */
  default boolean indexable() {
    return true;
  }
}
