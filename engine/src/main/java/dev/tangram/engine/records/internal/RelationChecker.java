package dev.tangram.engine.records.internal;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.forms.FieldDefinition;
import dev.tangram.engine.forms.FormDefinition;
import java.util.List;
import org.bson.types.ObjectId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Checks that every relation value points at an existing record of the target form. */
final class RelationChecker {

  private final MongoDatabase database;

  RelationChecker(MongoDatabase database) {
    this.database = database;
  }

  void check(String app, FormDefinition form, ObjectNode data, List<FieldError> errors) {
    for (FieldDefinition field : form.fields()) {
      JsonNode value = data.get(field.key());
      if (value == null) {
        continue;
      }
      if ("relation".equals(field.type())) {
        checkOne(app, field, value, field.key(), errors);
      } else if ("subform".equals(field.type())) {
        for (int row = 0; row < value.size(); row++) {
          for (FieldDefinition column : field.fields()) {
            JsonNode cell = value.get(row).get(column.key());
            if ("relation".equals(column.type()) && cell != null) {
              checkOne(app, column, cell, field.key() + "[" + row + "]." + column.key(), errors);
            }
          }
        }
      }
    }
  }

  private void checkOne(String app, FieldDefinition field, JsonNode value, String path, List<FieldError> errors) {
    String target = field.target().form();
    String id = value.asString();
    boolean exists = ObjectId.isValid(id) && database.getCollection(RecordCollections.records(app, target))
        .countDocuments(Filters.eq("_id", new ObjectId(id))) > 0;
    if (!exists) {
      errors.add(new FieldError(path, "relationNotFound",
          "'" + path + "' points at record " + id + " of form '" + target + "', which does not exist"));
    }
  }
}
