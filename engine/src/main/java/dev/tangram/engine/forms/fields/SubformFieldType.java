package dev.tangram.engine.forms.fields;

import dev.tangram.engine.common.Json;
import dev.tangram.engine.forms.FieldDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code subform}: a table of rows, each row filled by the subform's own fields. Rows are checked
 * and stored field by field with the row fields' own types. Subforms do not nest.
 */
final class SubformFieldType extends AbstractFieldType {

  static final int MAX_ROWS = 1_000;

  SubformFieldType() {
    super("subform", Set.of("fields", "maxItems"));
  }

  @Override
  public boolean indexable() {
    return false;
  }

  @Override
  public void check(FieldDefinition field, String path, DefinitionProblems problems) {
    if (field.fields().isEmpty()) {
      problems.add(path + ".fields", "required", "Subform '" + field.key() + "' needs at least one field");
    }
    checkMaxItems(field, path, problems, MAX_ROWS);
  }

  @Override
  public ObjectNode schema(FieldDefinition field) {
    ObjectNode row = typed("object").put("additionalProperties", false);
    ObjectNode properties = row.putObject("properties");
    ArrayNode required = Json.MAPPER.createArrayNode();
    for (FieldDefinition column : field.fields()) {
      properties.set(column.key(), FieldTypes.get(column.type()).schema(column));
      if (column.required() && !column.isComputed()) {
        required.add(column.key());
      }
    }
    if (!required.isEmpty()) {
      row.set("required", required);
    }
    return list(row, field.maxItems() != null ? field.maxItems() : 200, field.required());
  }

  @Override
  public Object toStored(JsonNode value, FieldDefinition field) {
    List<Document> rows = new ArrayList<>();
    for (JsonNode row : value) {
      Document stored = new Document();
      for (FieldDefinition column : field.fields()) {
        JsonNode cell = row.get(column.key());
        if (cell != null && !cell.isNull()) {
          stored.put(column.key(), FieldTypes.get(column.type()).toStored(cell, column));
        }
      }
      rows.add(stored);
    }
    return rows;
  }

  @Override
  public JsonNode fromStored(Object stored, FieldDefinition field) {
    Map<String, FieldDefinition> columns = new LinkedHashMap<>();
    field.fields().forEach(c -> columns.put(c.key(), c));
    ArrayNode rows = Json.MAPPER.createArrayNode();
    for (Object row : (List<?>) stored) {
      Map<?, ?> cells = (Map<?, ?>) row;
      ObjectNode out = rows.addObject();
      cells.forEach((key, cell) -> {
        FieldDefinition column = columns.get(String.valueOf(key));
        if (column != null && cell != null) {
          out.set(column.key(), FieldTypes.get(column.type()).fromStored(cell, column));
        }
      });
    }
    return rows;
  }
}
