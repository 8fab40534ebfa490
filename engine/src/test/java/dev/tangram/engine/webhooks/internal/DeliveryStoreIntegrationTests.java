package dev.tangram.engine.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.tangram.engine.testing.EmbeddedMongo;
import dev.tangram.engine.webhooks.Delivery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Leases as tokens of their own: one claim wins, results count only under the claim that still holds. */
class DeliveryStoreIntegrationTests {

  private static final String SUB = new ObjectId().toHexString();

  private final EmbeddedMongo mongo = new EmbeddedMongo();
  private final MongoCollection<Document> queue = mongo.database.getCollection("_webhook_queue");

  @AfterEach
  void tearDown() {
    mongo.close();
  }

  private static Document delivery(Instant now) {
    ObjectId event = new ObjectId();
    return DeliveryStore.newDelivery(DeliveryStore.idOf(event, SUB), SUB, "shop", event, "record.created",
        new ObjectId().toHexString(), 1, "{}", now, now);
  }

  private static Document attempt(int status) {
    return new Document("n", 1).append("at", new java.util.Date()).append("status", status).append("ms", 1L).append("excerpt", "").append("node", "x");
  }

  @Test
  void concurrentClaimersNeverBothWinADelivery() throws Exception {
    Instant now = Instant.now();
    DeliveryStore a = new DeliveryStore(mongo.database);
    DeliveryStore b = new DeliveryStore(mongo.database);
    List<Document> queued = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      queued.add(delivery(now));
    }
    a.enqueue(queued);
    Map<String, String> winner = Collections.synchronizedMap(new HashMap<>());
    List<String> twice = Collections.synchronizedList(new ArrayList<>());
    ExecutorService claimers = Executors.newFixedThreadPool(6);
    for (int t = 0; t < 6; t++) {
      DeliveryStore store = t % 2 == 0 ? a : b;
      String node = "node-" + t;
      claimers.execute(() -> {
        for (int round = 0; round < 40; round++) {
          for (Document claimed : store.claim(SUB, 8, now, now.plusSeconds(60), node)) {
            if (winner.putIfAbsent(claimed.getString("_id"), node) != null) {
              twice.add(claimed.getString("_id"));
            }
          }
        }
      });
    }
    claimers.shutdown();
    assertThat(claimers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    assertThat(twice).as("claimed by two claimers").isEmpty();
    assertThat(winner).hasSize(300);
    queue.find().forEach(d -> assertThat(d.getString("node")).isEqualTo(winner.get(d.getString("_id"))));
  }

  @Test
  void aClaimThatRanOutRecordsNothingOverTheClaimThatTookOver() {
    Instant now = Instant.now();
    DeliveryStore store = new DeliveryStore(mongo.database);
    store.enqueue(List.of(delivery(now)));
    Document first = store.claim(SUB, 4, now, now.plusSeconds(5), "a").getFirst();
    assertThat(store.claim(SUB, 4, now.plusSeconds(1), now.plusSeconds(6), "b")).as("still leased").isEmpty();

    Document second = store.claim(SUB, 4, now.plusSeconds(10), now.plusSeconds(15), "b").getFirst(); // the first ran out
    assertThat(second.getString("lease")).isNotEqualTo(first.getString("lease"));
    assertThat(store.retryLater(first, attempt(500), now.plusSeconds(20))).isFalse();
    store.finishAll(List.of(DeliveryStore.finished(first, Delivery.DELIVERED, attempt(200), now.plusSeconds(11))));
    Document kept = queue.find(Filters.eq("_id", first.getString("_id"))).first();
    assertThat(kept).as("still queued").isNotNull();
    assertThat(kept.getString("node")).as("under the second claim").isEqualTo("b");

    assertThat(store.retryLater(second, attempt(500), now.plusSeconds(20))).isTrue();
    Document retried = queue.find(Filters.eq("_id", first.getString("_id"))).first();
    assertThat(retried.getString("lease")).as("a fresh token: the second claim's result counts no more")
        .isNotIn(first.getString("lease"), second.getString("lease"));
    assertThat(store.claim(SUB, 4, now.plusSeconds(19), now.plusSeconds(30), "c")).as("not due yet").isEmpty();
    Document third = store.claim(SUB, 4, now.plusSeconds(21), now.plusSeconds(30), "c").getFirst();
    store.finishAll(List.of(DeliveryStore.finished(third, Delivery.DELIVERED, attempt(200), now.plusSeconds(22))));
    assertThat(queue.countDocuments()).isZero();
  }

  @Test
  void deliveriesQueuedWithoutATokenGetOneWhenTheStoreOpens() {
    Instant now = Instant.now();
    List<Document> old = List.of(delivery(now), delivery(now), delivery(now));
    old.forEach(d -> d.remove("lease"));
    queue.insertMany(old);
    DeliveryStore store = new DeliveryStore(mongo.database);
    List<Document> claimed = store.claim(SUB, 10, now, now.plusSeconds(5), "a");
    assertThat(claimed).hasSize(3).allSatisfy(d -> assertThat(d.getString("lease")).isNotNull());
    store.finishAll(claimed.stream().map(d -> DeliveryStore.finished(d, Delivery.DELIVERED, attempt(200), now)).toList());
    assertThat(queue.countDocuments()).isZero();
    assertThat(mongo.database.getCollection("_webhook_deliveries").countDocuments()).isEqualTo(3);
  }
}
