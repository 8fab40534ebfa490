package dev.tangram.engine.forms.fields;

import dev.tangram.engine.forms.FieldDefinition;
import java.time.OffsetDateTime;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code date} (ISO {@code yyyy-MM-dd}) and {@code datetime} (ISO date-time with offset). Both are
 * stored as ISO strings, a datetime normalised to UTC, so that string order is time order.
 */
final class TemporalFieldType extends AbstractFieldType {

  private final boolean withTime;

  private TemporalFieldType(String name, boolean withTime) {
    super(name, Set.of());
    this.withTime = withTime;
  }

  static TemporalFieldType date() {
    return new TemporalFieldType("date", false);
  }

  static TemporalFieldType dateTime() {
    return new TemporalFieldType("datetime", true);
  }

  @Override
  public ObjectNode schema(FieldDefinition field) {
    return typed("string").put("format", withTime ? "date-time" : "date").put("maxLength", 40);
  }

  @Override
  public Object toStored(JsonNode value, FieldDefinition field) {
    return withTime ? OffsetDateTime.parse(value.asString()).toInstant().toString() : value.asString();
  }
}
