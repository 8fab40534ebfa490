package dev.tangram.engine.records.internal;

import dev.tangram.engine.common.Json;
import dev.tangram.engine.forms.FieldDefinition;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.forms.fields.FieldTypes;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Record data between its JSON form (API) and its stored form (MongoDB), field type by field type. */
final class RecordDataMapper {

  private RecordDataMapper() {}

  /** {@code data} has passed the form's schema, so every key is a field of the form. */
  static Document toStored(FormDefinition form, ObjectNode data) {
    Document stored = new Document();
    for (FieldDefinition field : form.fields()) {
      JsonNode value = data.get(field.key());
      if (value != null && !value.isNull()) {
        stored.put(field.key(), FieldTypes.get(field.type()).toStored(value, field));
      }
    }
    return stored;
  }

  static ObjectNode toJson(FormDefinition form, Document stored) {
    ObjectNode data = Json.MAPPER.createObjectNode();
    for (FieldDefinition field : form.fields()) {
      Object value = stored.get(field.key());
      if (value != null) {
        data.set(field.key(), FieldTypes.get(field.type()).fromStored(value, field));
      }
    }
    return data;
  }
}
