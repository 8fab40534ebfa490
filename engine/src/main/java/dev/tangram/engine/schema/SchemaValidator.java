package dev.tangram.engine.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.tangram.engine.common.FieldError;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates JSON against compiled schemas with networknt (JSON Schema 2020-12, format assertions
 * on) and turns its errors into field errors with our codes and messages.
 */
public final class SchemaValidator {

  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
      SpecificationVersion.DRAFT_2020_12,
      builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
          .formatAssertionsEnabled(true)
          .pathType(PathType.JSON_PATH)
          .build()));

  private SchemaValidator() {}

  /** Prepares a schema for repeated use; the result is immutable and thread-safe. */
  public static Schema load(ObjectNode schema) {
    return REGISTRY.getSchema(schema);
  }

  /** Every problem of {@code instance}, field paths relative to {@code prefix} (may be empty). */
  public static List<FieldError> validate(Schema schema, JsonNode instance, String prefix) {
    List<FieldError> errors = new ArrayList<>();
    for (Error error : schema.validate(instance)) {
      errors.add(SchemaErrorTranslator.translate(error, prefix));
    }
    return errors;
  }
}
