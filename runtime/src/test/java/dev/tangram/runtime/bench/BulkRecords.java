package dev.tangram.runtime.bench;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.events.EventOutbox;
import dev.tangram.engine.records.AppRecords;
import dev.tangram.engine.records.internal.RecordCollections;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.bson.Document;
import org.bson.types.ObjectId;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fills a form with many records for a benchmark, straight through the MongoDB driver. Writing
 * 10,000 records through the records API took longer than a session (each is validated, posted,
 * relayed and its history written one by one), and a benchmark of an upgrade needs the records, not
 * their writes.
 *
 * <p>The stored shape is not guessed: one record is created through the records API, and once its
 * event has been relayed (outbox empty, history written) its document and history entry are the
 * pattern — the same top-level fields ({@code formVersion, status, createdBy, ownerDepartment,
 * version, …}), the data as the engine stores it (defaults, formulas, Decimal128 money). Copies get a
 * new id and the varied fields, in batches through {@code insertMany}, with a matching history entry
 * each. No events are staged: rules, flows and webhooks do not see a bulk fill, as they would not
 * see an import of stored records.
 */
final class BulkRecords {

  private static final int BATCH = 1_000;

  private BulkRecords() {}

  /**
   * Writes {@code count} records of {@code form}: the first through {@code records}, the others as
   * copies of its stored document with {@code vary.apply(i)} put into {@code data}.
   */
  static void fill(MongoDatabase database, AppRecords records, String app, String form, int count,
      IntFunction<Map<String, Object>> vary) {
    ObjectNode first = Json.MAPPER.valueToTree(vary.apply(0));
    String firstId = records.create(form, first, null).id();
    MongoCollection<Document> collection = database.getCollection(RecordCollections.records(app, form));
    MongoCollection<Document> history = database.getCollection(RecordCollections.history(app, form));
    Document pattern = relayed(collection, history, new ObjectId(firstId));
    Document patternHistory = history.find(Filters.eq("recordId", new ObjectId(firstId))).first();
    List<Document> batch = new ArrayList<>(BATCH);
    List<Document> historyBatch = new ArrayList<>(BATCH);
    for (int i = 1; i < count; i++) {
      ObjectId id = new ObjectId();
      Document data = new Document((Document) pattern.get("data"));
      data.putAll(vary.apply(i));
      batch.add(new Document(pattern).append("_id", id).append("data", data));
      Document entry = new Document(patternHistory).append("_id", new ObjectId()).append("recordId", id);
      entry.put("changes", data.entrySet().stream()
          .map(e -> new Document("field", e.getKey()).append("before", null).append("after", e.getValue())).toList());
      historyBatch.add(entry);
      if (batch.size() == BATCH || i == count - 1) {
        collection.insertMany(batch);
        history.insertMany(historyBatch);
        batch.clear();
        historyBatch.clear();
      }
    }
  }

  /** The record's document once its creation event is relayed (history written, outbox emptied). */
  private static Document relayed(MongoCollection<Document> collection, MongoCollection<Document> history, ObjectId id) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      Document stored = collection.find(Filters.eq("_id", id)).first();
      if (stored != null && stored.getList(EventOutbox.OUTBOX, Document.class, List.of()).isEmpty() // relayed: the outbox is gone or empty
          && history.countDocuments(Filters.eq("recordId", id)) > 0) {
        return stored;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("The pattern record " + id + " was not relayed within 30 s");
  }
}
