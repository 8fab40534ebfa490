package dev.tangram.engine.access;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/** Who changed which admin or permission setting, when: an append-only log in {@code _audit}. */
public final class AuditLog {

  /** One entry: {@code action} like {@code user.created}, {@code target} like {@code user:alice}. */
  public record Entry(Instant at, String actor, String action, String target, String detail) {}

  private final MongoCollection<Document> entries;
  private final Clock clock;

  public AuditLog(MongoDatabase database, Clock clock) {
    this.entries = database.getCollection("_audit");
    this.clock = clock;
  }

  public void record(String actor, String action, String target, String detail) {
    entries.insertOne(new Document("at", Date.from(clock.instant())).append("actor", actor).append("action", action)
        .append("target", target).append("detail", detail));
  }

  /** The newest entries first. */
  public List<Entry> latest(int limit) {
    List<Entry> result = new ArrayList<>();
    entries.find().sort(Sorts.descending("_id")).limit(Math.max(1, Math.min(limit, 1_000))).forEach(d -> result.add(
        new Entry(d.getDate("at").toInstant(), d.getString("actor"), d.getString("action"), d.getString("target"), d.getString("detail"))));
    return result;
  }
}
