package dev.tangram.engine.bench;

import static dev.tangram.engine.testing.Fixtures.json;

import com.mongodb.client.MongoCollection;
import dev.tangram.engine.access.Actor;
import dev.tangram.engine.records.internal.RecordCollections;
import dev.tangram.engine.records.internal.RecordHistory;
import dev.tangram.engine.testing.EmbeddedMongo;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Submit path vs. the unavoidable database work, in one run on the embedded default store:
 * Tangram's submit (parse, clean, schema validation, mapping, record + history insert) against a
 * bare driver insert of the same record document plus its history document. Blocks alternate so
 * drift hits both sides alike; the figure is the ratio of the block medians.
 */
@Tag("bench")
class RecordSubmitBenchmark {

  /** A plain member (not an admin), so the permission check is part of what is measured. */
  static final Actor MEMBER = Actor.user("alice", java.util.Set.of(), java.util.List.of("sales"));

  static final int BLOCKS = 15;
  static final int PER_BLOCK = 300;

  @Test
  void submitVersusBareInserts() {
    try (EmbeddedMongo mongo = BenchSupport.embeddedH2()) {
      mongo.apps.create("bench", null, null, "admin");
      mongo.forms.create("bench", json("{'key':'order','name':'Order','fields':["
          + "{'key':'title','type':'text','required':true,'maxLength':100},{'key':'amount','type':'money','min':0},"
          + "{'key':'category','type':'select','options':['a','b','c']},{'key':'due','type':'date'},"
          + "{'key':'email','type':'email'},{'key':'paid','type':'boolean'},"
          + "{'key':'lines','type':'subform','fields':[{'key':'qty','type':'number'},{'key':'price','type':'money'}]}]}"), "admin");
      mongo.forms.publish("bench", "order", "admin");
      JsonNode body = json("{'data':{'title':'Office chairs','amount':1234.56,'category':'b','due':'2026-12-01',"
          + "'email':'buyer@example.cn','paid':false,'lines':[{'qty':2,'price':300.5},{'qty':1,'price':633.56}]}}");
      MongoCollection<Document> records = mongo.database.getCollection(RecordCollections.records("bench", "bare"));
      MongoCollection<Document> history = mongo.database.getCollection(RecordCollections.history("bench", "bare"));

      double[] tangram = new double[BLOCKS];
      double[] bare = new double[BLOCKS];
      for (int warm = 0; warm < 3; warm++) {
        runTangram(mongo, body);
        runBare(records, history);
      }
      for (int b = 0; b < BLOCKS; b++) {
        tangram[b] = runTangram(mongo, body);
        bare[b] = runBare(records, history);
      }
      double t = BenchSupport.median(tangram);
      double d = BenchSupport.median(bare);
      BenchSupport.report(String.format("submit: tangram %.1f µs/record, bare record+history insert %.1f µs, ratio %.2fx (target <= 1.3x)", t, d, t / d));
    }
  }

  private static double runTangram(EmbeddedMongo mongo, JsonNode body) {
    long start = System.nanoTime();
    for (int i = 0; i < PER_BLOCK; i++) {
      mongo.records.submit("bench", "order", body, MEMBER);
    }
    return (System.nanoTime() - start) / 1_000.0 / PER_BLOCK;
  }

  private static double runBare(MongoCollection<Document> records, MongoCollection<Document> history) {
    long start = System.nanoTime();
    for (int i = 0; i < PER_BLOCK; i++) {
      Document data = new Document("title", "Office chairs").append("amount", new Decimal128(new java.math.BigDecimal("1234.56")))
          .append("category", "b").append("due", "2026-12-01").append("email", "buyer@example.cn").append("paid", false)
          .append("lines", java.util.List.of(
              new Document("qty", new Decimal128(2)).append("price", new Decimal128(new java.math.BigDecimal("300.5"))),
              new Document("qty", new Decimal128(1)).append("price", new Decimal128(new java.math.BigDecimal("633.56")))));
      ObjectId id = new ObjectId();
      Instant now = Instant.now();
      records.insertOne(new Document("_id", id).append("app", "bench").append("form", "bare").append("formVersion", 1)
          .append("data", data).append("status", "active").append("createdBy", "alice").append("createdAt", Date.from(now))
          .append("updatedBy", "alice").append("updatedAt", Date.from(now)).append("version", 1L));
      history.insertOne(RecordHistory.entry(new ObjectId(), id, "created", "alice", now, 1L, new Document(), data));
    }
    return (System.nanoTime() - start) / 1_000.0 / PER_BLOCK;
  }
}
