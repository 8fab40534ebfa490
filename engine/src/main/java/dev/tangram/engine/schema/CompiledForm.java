package dev.tangram.engine.schema;

import com.networknt.schema.Schema;
import dev.tangram.engine.forms.FormVersion;
import tools.jackson.databind.node.ObjectNode;

/**
 * A published form version with its JSON Schema compiled and loaded, ready to validate records.
 * Immutable, shared between threads, cached per version by {@link CompiledFormCache}.
 */
public record CompiledForm(FormVersion version, ObjectNode schemaDocument, Schema schema) {

  public static CompiledForm of(FormVersion version) {
    ObjectNode document = FormSchemaCompiler.compile(version.app(), version.definition(), version.version());
    return new CompiledForm(version, document, SchemaValidator.load(document));
  }
}
