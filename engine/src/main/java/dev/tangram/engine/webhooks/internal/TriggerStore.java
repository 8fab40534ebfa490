package dev.tangram.engine.webhooks.internal;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Triggers ({@code _webhook_triggers}, found by their URL token), the {@code webhook-id}s of signed
 * calls already accepted ({@code _webhook_seen}, for replay protection) and the results of calls
 * with an {@code Idempotency-Key} ({@code _webhook_idempotency}).
 */
public final class TriggerStore {

  /** What an earlier call with the same idempotency key left: done with a result, or still running. */
  public record Earlier(boolean done, int status, String body) {}

  private final MongoCollection<Document> triggers;
  private final MongoCollection<Document> seen;
  private final MongoCollection<Document> idempotency;
  private final MongoCollection<Document> calls;

  public TriggerStore(MongoDatabase database) {
    this.triggers = database.getCollection("_webhook_triggers");
    this.seen = database.getCollection("_webhook_seen");
    this.idempotency = database.getCollection("_webhook_idempotency");
    this.calls = database.getCollection("_webhook_trigger_calls");
    calls.createIndex(Indexes.compoundIndex(Indexes.ascending("trigger"), Indexes.descending("_id")));
    triggers.createIndex(Indexes.ascending("token"), new IndexOptions().unique(true));
  }

  public void insert(Document trigger) {
    triggers.insertOne(trigger);
  }

  public Optional<Document> byToken(String token) {
    return Optional.ofNullable(triggers.find(Filters.eq("token", token)).first());
  }

  public List<Document> ofApp(String app) {
    List<Document> result = new ArrayList<>();
    triggers.find(Filters.eq("app", app)).sort(Sorts.ascending("_id")).forEach(result::add);
    return result;
  }

  public boolean delete(String app, Object id) {
    return triggers.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("app", app))).getDeletedCount() == 1;
  }

  /** Remembers a signed call's id; false if it was accepted before (a replay). */
  public boolean firstSight(String trigger, String webhookId, Instant now) {
    return insertNew(seen, new Document("_id", trigger + ":" + webhookId).append("at", Date.from(now)));
  }

  /** Forgets a call's id again: its processing failed and the sender may retry with the same id. */
  public void forget(String trigger, String webhookId) {
    seen.deleteOne(Filters.eq("_id", trigger + ":" + webhookId));
  }

  /** Claims an idempotency key; empty when this call is the first, else what the first one left. */
  public Optional<Earlier> claimKey(String trigger, String key, Instant now) {
    String id = trigger + ":" + key;
    if (insertNew(idempotency, new Document("_id", id).append("at", Date.from(now)).append("done", false))) {
      return Optional.empty();
    }
    Document d = idempotency.find(Filters.eq("_id", id)).first();
    if (d == null) {
      return claimKey(trigger, key, now); // released in between
    }
    return Optional.of(new Earlier(Boolean.TRUE.equals(d.getBoolean("done")), d.getInteger("status", 0), d.getString("body")));
  }

  public void completeKey(String trigger, String key, int status, String body) {
    idempotency.updateOne(Filters.eq("_id", trigger + ":" + key),
        Updates.combine(Updates.set("done", true), Updates.set("status", status), Updates.set("body", body)));
  }

  public void releaseKey(String trigger, String key) {
    idempotency.deleteOne(Filters.and(Filters.eq("_id", trigger + ":" + key), Filters.eq("done", false)));
  }

  /** Replay markers outlive the timestamp tolerance; idempotency results are kept a day, the call log a week. */
  public void purge(Instant seenBefore, Instant keysBefore) {
    seen.deleteMany(Filters.lt("at", Date.from(seenBefore)));
    idempotency.deleteMany(Filters.lt("at", Date.from(keysBefore)));
    calls.deleteMany(Filters.lt("at", Date.from(keysBefore.minus(java.time.Duration.ofDays(6)))));
  }

  /** Notes one call of a trigger (accepted or refused) for the admins' recent-calls list. */
  public void logCall(String trigger, Instant at, int status, @org.jspecify.annotations.Nullable String recordId, String message) {
    calls.insertOne(new Document("trigger", trigger).append("at", Date.from(at)).append("status", status)
        .append("recordId", recordId).append("message", message));
  }

  /** The trigger's latest calls, newest first. */
  public List<Document> recentCalls(String trigger, int limit) {
    List<Document> result = new ArrayList<>();
    calls.find(Filters.eq("trigger", trigger)).sort(Sorts.descending("_id")).limit(limit).forEach(result::add);
    return result;
  }

  private static boolean insertNew(MongoCollection<Document> collection, Document d) {
    try {
      collection.insertOne(d);
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      return false;
    }
  }
}
