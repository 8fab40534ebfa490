package dev.tangram.engine.records.internal;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
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

  private final MongoCollection<Document> counters;

  public SerialNumberAllocator(MongoDatabase database) {
    this.counters = database.getCollection("_counters");
  }

  public String next(String app, String form, String field, String pattern, LocalDate day) {
    SerialPattern serial = SerialPattern.of(pattern);
    String id = "serial:" + app + ":" + form + ":" + field + ":" + serial.period(day);
    return serial.render(day, increment(id));
  }

  private long increment(String id) {
    FindOneAndUpdateOptions options = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
    for (int attempt = 0; ; attempt++) {
      try {
        Document counter = counters.findOneAndUpdate(Filters.eq("_id", id), Updates.inc("seq", 1L), options);
        return ((Number) counter.get("seq")).longValue();
      } catch (MongoWriteException e) {
        // Two first-ever upserts of the same counter race; the loser retries and increments.
        if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY || attempt >= 3) {
          throw e;
        }
      }
    }
  }
}
