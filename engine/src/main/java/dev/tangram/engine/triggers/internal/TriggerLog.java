package dev.tangram.engine.triggers.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * The execution log of after-rules ({@code _trigger_runs}): one entry per event × rule. A rule whose
 * entry says done is not run again for that event, whatever redelivers it.
 */
public final class TriggerLog {

  private final MongoCollection<Document> runs;

  public TriggerLog(MongoDatabase database) {
    this.runs = database.getCollection("_trigger_runs");
  }

  public boolean finished(String eventId, String trigger) {
    return runs.find(Filters.and(Filters.eq("_id", eventId + ":" + trigger), Filters.in("state", "done", "failed"))).first() != null;
  }

  /** Records the outcome; {@code error} null means the rule ran through. */
  public void record(String eventId, String trigger, String app, @Nullable String form, @Nullable String recordId,
      @Nullable String error, Instant at) {
    Document entry = new Document("_id", eventId + ":" + trigger).append("event", eventId).append("trigger", trigger)
        .append("app", app).append("form", form).append("recordId", recordId)
        .append("state", error == null ? "done" : "failed").append("error", error).append("at", Date.from(at));
    runs.replaceOne(Filters.eq("_id", entry.get("_id")), entry, new ReplaceOptions().upsert(true));
  }

  /** The log entry of a rule for an event, if it ran. */
  public @Nullable Document entry(String eventId, String trigger) {
    return runs.find(Filters.eq("_id", eventId + ":" + trigger)).first();
  }
}
