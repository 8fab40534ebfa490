package dev.tangram.engine.records.internal;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.tangram.engine.forms.fields.SerialPattern;
import java.time.LocalDate;
import org.bson.Document;

/**
 * Hands out serial numbers from one counter document per form, field and period, incremented
 * atomically in MongoDB — so numbers are unique across threads and across app nodes sharing the
 * store. A number whose record is then refused is not reused (gaps are allowed, duplicates never).
 */
public final class SerialNumberAllocator {

  private static final int MAX_ATTEMPTS = 10_000;
  private final MongoCollection<Document> counters;

  public SerialNumberAllocator(MongoDatabase database) {
    this.counters = database.getCollection("_counters");
  }

  public String next(String app, String form, String field, String pattern, LocalDate day) {
    SerialPattern serial = SerialPattern.of(pattern);
    String id = "serial:" + app + ":" + form + ":" + field + ":" + serial.period(day);
    return serial.render(day, increment(id));
  }

  /**
   * Compare-and-set on the counter: read n, then move it to n+1 only if it is still n. The write's
   * match decides who owns n+1, so this stays correct even where findAndModify's returned document
   * is not atomic with its update (mongo-java-server under concurrency, measured).
   */
  private long increment(String id) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Document counter = counters.find(Filters.eq("_id", id)).first();
      if (counter == null) {
        try {
          counters.insertOne(new Document("_id", id).append("seq", 1L));
          return 1L;
        } catch (MongoWriteException e) {
          if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
            throw e;
          }
          continue; // another node created it first
        }
      }
      long current = ((Number) counter.get("seq")).longValue();
      if (counters.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("seq", current)), Updates.set("seq", current + 1))
          .getModifiedCount() == 1) {
        return current + 1;
      }
      if (attempt > 8) {
        Thread.onSpinWait();
      }
    }
    throw new IllegalStateException("Could not allocate a serial number for " + id + " after " + MAX_ATTEMPTS + " attempts");
  }
}
