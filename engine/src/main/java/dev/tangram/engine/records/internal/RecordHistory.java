package dev.tangram.engine.records.internal;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoDatabase;
import dev.tangram.engine.events.Event;
import dev.tangram.engine.events.EventConsumer;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import dev.tangram.engine.records.RecordChange;
import dev.tangram.engine.records.RecordChange.FieldChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The history of records: one document per change in {@code history.<app>.<form>}, with each
 * changed field's stored value before and after. Entries outlive the record they describe. It is
 * written from the record's event, so it is as durable as the change itself (the entry's id is the
 * event's, which makes a repeated delivery harmless).
 */
public final class RecordHistory implements EventConsumer {

  private final MongoDatabase database;
  private final Set<String> indexed = ConcurrentHashMap.newKeySet();

  public RecordHistory(MongoDatabase database) {
    this.database = database;
  }

  @Override
  public String name() {
    return "history";
  }

  @Override
  public void accept(Event event) {
    if (!event.type().startsWith("record.") || event.form() == null || event.recordId() == null) {
      return;
    }
    String action = event.type().substring("record.".length());
    Document before = event.before() == null ? new Document() : event.before();
    Document after = event.data() == null ? new Document() : event.data();
    Document entry = entry(event.id(), new ObjectId(event.recordId()), action, event.actor(), event.at(), event.recordVersion(), before, after);
    try {
      append(event.app(), event.form(), entry);
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
    }
  }

  /** The history document of a change from {@code before} to {@code after} (either may be empty). */
  public static Document entry(ObjectId entryId, ObjectId recordId, String action, String actor, Instant at, long version, Document before, Document after) {
    List<Document> changes = new ArrayList<>();
    Set<String> fields = new LinkedHashSet<>(before.keySet());
    fields.addAll(after.keySet());
    for (String field : fields) {
      Object old = before.get(field);
      Object now = after.get(field);
      if (!Objects.equals(old, now)) {
        changes.add(new Document("field", field).append("before", old).append("after", now));
      }
    }
    return new Document("_id", entryId).append("recordId", recordId).append("action", action)
        .append("actor", actor).append("at", Date.from(at)).append("version", version).append("changes", changes);
  }

  private void append(String app, String form, Document entry) {
    var collection = database.getCollection(RecordCollections.history(app, form));
    if (indexed.add(app + "." + form)) {
      collection.createIndex(Indexes.ascending("recordId"));
    }
    collection.insertOne(entry);
  }

  public List<RecordChange> of(String app, String form, ObjectId recordId) {
    List<RecordChange> result = new ArrayList<>();
    database.getCollection(RecordCollections.history(app, form)).find(Filters.eq("recordId", recordId))
        .sort(Sorts.ascending("version", "_id")).forEach(d -> result.add(toChange(d)));
    return result;
  }

  private static RecordChange toChange(Document d) {
    List<FieldChange> changes = new ArrayList<>();
    for (Document c : d.getList("changes", Document.class)) {
      changes.add(new FieldChange(c.getString("field"), BsonJson.toJson(c.get("before")), BsonJson.toJson(c.get("after"))));
    }
    return new RecordChange(d.getObjectId("recordId").toHexString(), d.getString("action"), d.getString("actor"),
        d.getDate("at").toInstant(), ((Number) d.get("version")).longValue(), changes);
  }
}
