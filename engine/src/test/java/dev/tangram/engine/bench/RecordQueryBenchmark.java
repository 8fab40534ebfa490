package dev.tangram.engine.bench;

import static dev.tangram.engine.testing.Fixtures.json;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.tangram.engine.access.Actor;
import dev.tangram.engine.records.RecordQuery;
import dev.tangram.engine.records.RecordQuery.Filter;
import dev.tangram.engine.records.internal.RecordCollections;
import dev.tangram.engine.testing.EmbeddedMongo;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A list query by an indexed field (eq, newest first, page of 20, with total count) through
 * Tangram vs. the same find + count issued with the bare driver, at growing record counts on the
 * embedded store. mongo-java-server ignores non-unique indexes, so each query is a scan: the
 * table shows where the embedded store passes 200 ms.
 */
@Tag("bench")
class RecordQueryBenchmark {

  /** A plain member (not an admin), so the permission check is part of what is measured. */
  static final Actor MEMBER = Actor.user("alice", java.util.Set.of(), java.util.List.of("sales"));

  static final int[] SIZES = java.util.Arrays.stream(System.getProperty("bench.sizes", "10000,25000,50000,100000").split(","))
      .mapToInt(Integer::parseInt).toArray();
  static final int RUNS = 9;

  @Test
  void indexedFieldQueryVersusBareDriver() {
    try (EmbeddedMongo mongo = BenchSupport.embeddedH2()) {
      mongo.apps.create("bench", null, null, "admin");
      mongo.forms.create("bench", json("{'key':'item','name':'Item','fields':["
          + "{'key':'code','type':'text','indexed':true},{'key':'amount','type':'money'},{'key':'note','type':'text'}]}"), "admin");
      mongo.forms.publish("bench", "item", "admin");
      mongo.records.submit("bench", "item", json("{'data':{'code':'C0','amount':1}}"), MEMBER); // creates the indexes
      MongoCollection<Document> records = mongo.database.getCollection(RecordCollections.records("bench", "item"));
      int stored = 1;
      for (int size : SIZES) {
        stored = seed(records, stored, size);
        RecordQuery query = new RecordQuery(List.of(new Filter("code", "eq", json("'C7'"))), List.of(), 0, 20);
        double[] medians = interleavedMedianMillis(
            () -> mongo.records.query("bench", "item", query, MEMBER).total(),
            () -> {
              var filter = Filters.eq("data.code", "C7");
              List<Document> page = records.find(filter).sort(Sorts.descending("_id")).limit(20).into(new ArrayList<>());
              return records.countDocuments(filter) + page.size();
            });
        double tangram = medians[0];
        double bare = medians[1];
        BenchSupport.report(String.format("query by indexed field, %,d records: tangram median %.1f ms, bare driver %.1f ms, ratio %.2fx",
            size, tangram, bare, tangram / bare));
      }
    }
  }

  /** Bulk-inserts records up to {@code size}; 100 distinct codes, so an eq filter matches 1%. */
  private static int seed(MongoCollection<Document> records, int from, int size) {
    List<Document> batch = new ArrayList<>();
    Date now = new Date();
    for (int i = from; i < size; i++) {
      batch.add(new Document("_id", new ObjectId()).append("app", "bench").append("form", "item").append("formVersion", 1)
          .append("data", new Document("code", "C" + (i % 100)).append("amount", new Decimal128(i)).append("note", "n" + i))
          .append("status", "active").append("createdBy", "alice").append("createdAt", now)
          .append("updatedBy", "alice").append("updatedAt", now).append("version", 1L));
      if (batch.size() == 1_000) {
        records.insertMany(batch);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      records.insertMany(batch);
    }
    return size;
  }

  /** Runs both queries in turn, so caches and background work weigh on both alike. */
  private static double[] interleavedMedianMillis(Supplier<Long> tangram, Supplier<Long> bare) {
    tangram.get();
    bare.get();
    double[] t = new double[RUNS];
    double[] b = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      t[i] = millis(tangram);
      b[i] = millis(bare);
    }
    return new double[] {BenchSupport.median(t), BenchSupport.median(b)};
  }

  private static double millis(Supplier<Long> query) {
    long start = System.nanoTime();
    query.get();
    return (System.nanoTime() - start) / 1_000_000.0;
  }
}
