package dev.tangram.engine.records.internal;

import com.mongodb.client.MongoDatabase;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.schema.CompiledForm;
import dev.tangram.engine.schema.SchemaValidator;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import tools.jackson.databind.node.ObjectNode;

/**
 * Everything a write does before it touches the record collection: validate the complete data
 * against the compiled schema, check relations, convert to the stored form. Throws one
 * {@link ValidationException} with every problem, so a refused write changes nothing.
 */
public final class RecordPreparation {

  private final RelationChecker relations;

  public RecordPreparation(MongoDatabase database) {
    this.relations = new RelationChecker(database);
  }

  /** Data of a new record: cleaned, defaults applied, validated, converted. */
  public Document forSubmit(CompiledForm form, ObjectNode submitted) {
    FormDefinition definition = form.version().definition();
    ObjectNode data = SubmittedData.clean(definition, submitted);
    SubmittedData.applyDefaults(definition, data);
    return validated(form, data);
  }

  /** Data after a merge patch of {@code patch} onto {@code current}; null in the patch removes a value. */
  public Document forPatch(CompiledForm form, ObjectNode current, ObjectNode patch) {
    FormDefinition definition = form.version().definition();
    List<String> removed = new ArrayList<>();
    patch.properties().forEach(e -> {
      if (e.getValue().isNull()) {
        removed.add(e.getKey());
      }
    });
    ObjectNode cleaned = SubmittedData.clean(definition, patch);
    ObjectNode merged = current.deepCopy();
    removed.forEach(merged::remove);
    merged.setAll(cleaned);
    return validated(form, merged);
  }

  private Document validated(CompiledForm form, ObjectNode data) {
    List<FieldError> errors = new ArrayList<>(SchemaValidator.validate(form.schema(), data, ""));
    if (errors.isEmpty()) {
      relations.check(form.version().app(), form.version().definition(), data, errors);
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return RecordDataMapper.toStored(form.version().definition(), data);
  }

  public static ObjectNode toJson(FormDefinition form, Document stored) {
    return RecordDataMapper.toJson(form, stored);
  }
}
