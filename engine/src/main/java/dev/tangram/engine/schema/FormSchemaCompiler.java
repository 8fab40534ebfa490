package dev.tangram.engine.schema;

import dev.tangram.engine.common.Json;
import dev.tangram.engine.forms.FieldDefinition;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.forms.fields.FieldTypes;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Compiles a form definition into the JSON Schema 2020-12 document its record data must satisfy:
 * unknown fields refused, types, required, lengths, ranges, enums and formats. Each field type
 * contributes its own fragment.
 */
public final class FormSchemaCompiler {

  public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

  private FormSchemaCompiler() {}

  public static ObjectNode compile(String app, FormDefinition form, int version) {
    ObjectNode schema = Json.MAPPER.createObjectNode();
    schema.put("$schema", DIALECT);
    schema.put("$id", "urn:tangram:" + app + ":" + form.key() + ":" + version);
    schema.put("title", form.name());
    schema.put("type", "object");
    schema.put("additionalProperties", false);
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = Json.MAPPER.createArrayNode();
    for (FieldDefinition field : form.fields()) {
      ObjectNode fragment = FieldTypes.get(field.type()).schema(field);
      fragment.put("title", field.displayName());
      if (field.isComputed()) {
        fragment.put("readOnly", true);
      }
      properties.set(field.key(), fragment);
      // Computed values are filled in by the server, so the client is never asked for them.
      if (field.required() && !field.isComputed()) {
        required.add(field.key());
      }
    }
    if (!required.isEmpty()) {
      schema.set("required", required);
    }
    return schema;
  }

  /** A schema that accepts exactly the values {@code field} accepts, for checking one value. */
  public static ObjectNode compileField(FieldDefinition field) {
    ObjectNode schema = Json.MAPPER.createObjectNode();
    schema.put("$schema", DIALECT);
    schema.setAll(FieldTypes.get(field.type()).schema(field));
    return schema;
  }
}
