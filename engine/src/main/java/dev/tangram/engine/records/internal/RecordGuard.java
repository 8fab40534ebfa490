package dev.tangram.engine.records.internal;

import dev.tangram.engine.access.FieldAccess;
import dev.tangram.engine.access.FormAccess;
import dev.tangram.engine.access.Operation;
import dev.tangram.engine.common.ForbiddenException;
import dev.tangram.engine.common.NotFoundException;
import dev.tangram.engine.records.Record;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a {@link FormAccess} to record operations: form-level refusals are 403, a record outside
 * the actor's rows is 404 exactly like a missing one (so its existence does not leak), fields the
 * actor may not change are refused, hidden fields are taken out of what is returned.
 */
public final class RecordGuard {

  private RecordGuard() {}

  public static void requireForm(FormAccess access, Operation operation, String form) {
    if (!access.can(operation)) {
      throw new ForbiddenException(access.actor().username() + " may not " + operation.name().toLowerCase()
          + " records of form '" + form + "'");
    }
  }

  /** The record must be in the actor's rows for {@code operation}; a record they cannot even see is "not found". */
  public static void requireRow(FormAccess access, Operation operation, Document record, String form, String id) {
    if (access.reaches(operation, record)) {
      return;
    }
    if (operation != Operation.VIEW && access.reaches(Operation.VIEW, record)) {
      throw new ForbiddenException(access.actor().username() + " may not " + operation.name().toLowerCase() + " record " + id);
    }
    throw notFound(form, id);
  }

  public static NotFoundException notFound(String form, String id) {
    return new NotFoundException("id", "Form '" + form + "' has no record " + id);
  }

  /** Refuses input that sets fields the actor may only read or may not see. */
  public static void requireEditable(FormAccess access, ObjectNode input) {
    List<String> refused = new ArrayList<>();
    for (String field : input.propertyNames()) {
      if (access.field(field) != FieldAccess.EDIT) {
        refused.add(field);
      }
    }
    if (!refused.isEmpty()) {
      throw new ForbiddenException(access.actor().username() + " may not change " + String.join(", ", refused.stream().map(f -> "'" + f + "'").toList()));
    }
  }

  /** The record as the actor may see it: hidden fields removed. */
  public static Record visible(FormAccess access, Record record) {
    ObjectNode data = record.data().deepCopy();
    List<String> hidden = new ArrayList<>();
    data.propertyNames().forEach(f -> {
      if (access.field(f) == FieldAccess.HIDDEN) {
        hidden.add(f);
      }
    });
    if (hidden.isEmpty()) {
      return record;
    }
    hidden.forEach(data::remove);
    return new Record(record.id(), record.app(), record.form(), record.formVersion(), data, record.status(), record.createdBy(),
        record.createdAt(), record.updatedBy(), record.updatedAt(), record.version());
  }
}
