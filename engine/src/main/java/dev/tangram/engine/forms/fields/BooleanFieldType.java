package dev.tangram.engine.forms.fields;

import dev.tangram.engine.forms.FieldDefinition;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code boolean}: a yes/no switch. */
final class BooleanFieldType extends AbstractFieldType {

  BooleanFieldType() {
    super("boolean", Set.of());
  }

  @Override
  public ObjectNode schema(FieldDefinition field) {
    return typed("boolean");
  }

  @Override
  public Object toStored(JsonNode value, FieldDefinition field) {
    return value.asBoolean();
  }
}
