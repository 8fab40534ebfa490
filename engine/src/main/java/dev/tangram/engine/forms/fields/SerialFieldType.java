package dev.tangram.engine.forms.fields;

import dev.tangram.engine.forms.FieldDefinition;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code serial}: a number the server assigns from {@link SerialPattern}, unique per form even
 * under concurrent submits on several nodes. Always unique-indexed.
 */
final class SerialFieldType extends AbstractFieldType {

  SerialFieldType() {
    super("serial", Set.of("pattern"));
  }

  @Override
  public void check(FieldDefinition field, String path, DefinitionProblems problems) {
    if (field.pattern() == null) {
      problems.add(path + ".pattern", "required", "Serial '" + field.key() + "' needs a pattern such as NO-{yyyyMMdd}-{seq:4}");
      return;
    }
    SerialPattern.problemWith(field.pattern())
        .ifPresent(message -> problems.add(path + ".pattern", "pattern", "Serial '" + field.key() + "': " + message));
  }

  @Override
  public ObjectNode schema(FieldDefinition field) {
    return typed("string").put("maxLength", 100).put("readOnly", true);
  }
}
