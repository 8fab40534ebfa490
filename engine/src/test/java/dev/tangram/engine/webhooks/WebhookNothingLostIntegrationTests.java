package dev.tangram.engine.webhooks;

import static dev.tangram.engine.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import dev.tangram.engine.access.DirectoryUser;
import dev.tangram.engine.events.Event;
import dev.tangram.engine.events.EventOutbox;
import dev.tangram.engine.events.EventTypes;
import dev.tangram.engine.records.Record;
import dev.tangram.engine.testing.EmbeddedMongo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A committed change reaches the receiver even when the node stops at any step between the write
 * and the receiver's answer, and two nodes on one store never make the same attempt.
 */
class WebhookNothingLostIntegrationTests {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private EmbeddedMongo mongo;
  private LocalReceiver receiver;

  @BeforeEach
  void setUp() {
    mongo = new EmbeddedMongo();
    mongo.directory.saveUser(new DirectoryUser("admin", "Admin", null, null, List.of(), List.of("ADMIN"), true), true);
    mongo.apps.create("shop", "Shop", null, "admin");
    mongo.forms.create("shop", json("{'key':'order','name':'Order','fields':[{'key':'title','type':'text','required':true}]}"), "admin");
    mongo.forms.publish("shop", "order", "admin");
    receiver = new LocalReceiver();
  }

  @AfterEach
  void tearDown() {
    receiver.close();
    mongo.close();
  }

  private String subscribe(Webhooks webhooks) {
    return webhooks.subscriptions().create(json("{'app':'shop','events':['record.created','record.updated'],'url':'"
        + receiver.url("/in") + "'}"), WebhookDeliveryIntegrationTests.ADMIN).subscription().id();
  }

  /** A node that starts a minute later: its outbox recovery is past every grace period. */
  private Webhooks laterNode(EventOutbox[] outbox) {
    EmbeddedMongo.OtherNode node = mongo.otherNode();
    EventOutbox later = new EventOutbox(mongo.database, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1)));
    outbox[0] = later;
    return WebhookTestNode.on(mongo, later, node.records(), WebhookTestNode.settings());
  }

  @Test
  void stoppedRightAfterTheRecordWriteBeforeTheRelay() {
    Webhooks first = WebhookTestNode.on(mongo);
    subscribe(first);
    first.close(); // the node dies; what it leaves: a record whose event is still inside it
    ObjectId id = new ObjectId();
    Instant at = Instant.now();
    Document data = new Document("title", "Crashed");
    Event created = Event.ofRecord(EventTypes.RECORD_CREATED, "shop", "order", id, 1L, "active", "admin", at, data, null);
    mongo.database.getCollection("records.shop.order").insertOne(new Document("_id", id).append("app", "shop").append("form", "order")
        .append("formVersion", 1).append("data", data).append("status", "active").append("createdBy", "admin")
        .append("createdAt", Date.from(at)).append("updatedBy", "admin").append("updatedAt", Date.from(at)).append("version", 1L)
        .append(EventOutbox.OUTBOX, List.of(mongo.outbox.stage(created))));

    EventOutbox[] outbox = new EventOutbox[1];
    try (Webhooks restarted = laterNode(outbox)) {
      restarted.start();
      outbox[0].recover();
      Eventually.await("delivered after the restart", WAIT, () -> receiver.at("/in").size() == 1);
      outbox[0].recover(); // again: nothing doubles
      WebhookDeliveryIntegrationTests.sleep(300);
    }
    assertThat(receiver.at("/in")).hasSize(1);
    assertThat(receiver.at("/in").getFirst().body()).contains("Crashed").contains(created.id().toHexString());
  }

  @Test
  void stoppedAfterTheRelayBeforeTheFanOut() {
    // The event reached _events, but the node died before the webhooks consumer took it.
    Webhooks first = WebhookTestNode.on(mongo);
    subscribe(first);
    first.close();
    Event created = Event.ofRecord(EventTypes.RECORD_CREATED, "shop", "order", new ObjectId(), 1L, "active", "admin",
        Instant.now(), new Document("title", "Relayed"), null);
    mongo.database.getCollection(EventOutbox.OPEN).insertOne(new Document("_id", created.id()));
    mongo.database.getCollection(EventOutbox.COLLECTION).insertOne(mongo.outbox.stage(created).append("pending", List.of("history", "webhooks")).append("open", true));

    EventOutbox[] outbox = new EventOutbox[1];
    try (Webhooks restarted = laterNode(outbox)) {
      restarted.start();
      outbox[0].recover();
      Eventually.await("delivered after the restart", WAIT, () -> receiver.at("/in").size() == 1);
    }
    assertThat(receiver.at("/in").getFirst().body()).contains("Relayed");
  }

  @Test
  void stoppedAfterQueueingBeforeSending() {
    Webhooks first = WebhookTestNode.on(mongo); // never started: queued, never sent
    subscribe(first);
    Record r = mongo.records.submit("shop", "order", json("{'data':{'title':'Queued'}}"), WebhookDeliveryIntegrationTests.ADMIN);
    assertThat(first.pendingDeliveries()).isEqualTo(1);
    first.close();

    EventOutbox[] outbox = new EventOutbox[1];
    try (Webhooks restarted = laterNode(outbox)) {
      restarted.start();
      Eventually.await("delivered after the restart", WAIT, () -> receiver.at("/in").size() == 1);
    }
    assertThat(receiver.at("/in").getFirst().body()).contains(r.id());
  }

  @Test
  void stoppedWhileSendingTheLeaseRunsOutAndAnotherNodeSends() {
    receiver.answer("/in", r -> receiver.at("/in").size() == 1
        ? new LocalReceiver.Answer(200, Map.of(), "too late", 4_000) : LocalReceiver.Answer.ok());
    WebhookSettings settings = WebhookTestNode.settings();
    Webhooks first = WebhookTestNode.on(mongo, mongo.outbox, mongo.records, settings);
    subscribe(first);
    first.start();
    mongo.records.submit("shop", "order", json("{'data':{'title':'Mid-send'}}"), WebhookDeliveryIntegrationTests.ADMIN);
    Eventually.await("the first attempt is on the wire", WAIT, () -> receiver.at("/in").size() == 1);
    first.close(); // dies mid-request: no result recorded, the lease (3 s) stays until it runs out

    EventOutbox[] outbox = new EventOutbox[1];
    try (Webhooks second = laterNode(outbox)) {
      second.start();
      Eventually.await("sent again by the second node", WAIT, () -> receiver.at("/in").size() == 2);
      Eventually.await("recorded", WAIT, () -> second.pendingDeliveries() == 0);
    }
    assertThat(receiver.at("/in")).extracting(LocalReceiver.Received::id).containsOnly(receiver.at("/in").getFirst().id());
  }

  @Test
  void twoNodesOnOneStoreNeverMakeTheSameAttempt() {
    EmbeddedMongo.OtherNode other = mongo.otherNode();
    try (Webhooks a = WebhookTestNode.on(mongo); Webhooks b = WebhookTestNode.on(mongo, other.outbox(), other.records(), WebhookTestNode.settings())) {
      String sub = subscribe(a);
      a.start();
      b.start();
      int n = 150;
      for (int i = 0; i < n; i++) {
        (i % 2 == 0 ? mongo.records : other.records()).submit("shop", "order", json("{'data':{'title':'R" + i + "'}}"),
            WebhookDeliveryIntegrationTests.ADMIN);
      }
      Eventually.await("all delivered", Duration.ofSeconds(60), () -> a.pendingDeliveries() == 0 && receiver.at("/in").size() >= n);
      WebhookDeliveryIntegrationTests.sleep(500);
      Map<String, Integer> perId = new HashMap<>();
      receiver.at("/in").forEach(r -> perId.merge(r.id(), 1, Integer::sum));
      assertThat(perId).hasSize(n);
      assertThat(perId.values()).as("each webhook-id received exactly once").containsOnly(1);
      List<Delivery> log = a.subscriptions().deliveries(sub, null, 0, 200, WebhookDeliveryIntegrationTests.ADMIN);
      Map<String, Long> byNode = new HashMap<>();
      log.forEach(d -> d.log().forEach(x -> byNode.merge(x.node(), 1L, Long::sum)));
      assertThat(log).hasSize(n).allSatisfy(d -> assertThat(d.attempts()).isEqualTo(1));
      System.out.println("Attempts per node: " + byNode);
      assertThat(byNode.keySet()).containsAnyOf(a.node(), b.node());
    }
  }

  @Test
  void aRepeatedHandOverOfADeliveredEventIsNotSentAgain() {
    try (Webhooks node = WebhookTestNode.on(mongo)) {
      subscribe(node);
      node.start();
      mongo.records.submit("shop", "order", json("{'data':{'title':'Once'}}"), WebhookDeliveryIntegrationTests.ADMIN);
      Eventually.await("delivered", WAIT, () -> receiver.at("/in").size() == 1 && node.pendingDeliveries() == 0);
      // The relay hands the same event over again (as after a crash before it noted the consumer done):
      mongo.outbox.settle();
      Document stored = mongo.database.getCollection("_events").find(Filters.eq("type", "record.created")).first();
      mongo.database.getCollection(EventOutbox.COLLECTION).updateOne(Filters.eq("_id", stored.getObjectId("_id")),
          new Document("$set", new Document("open", true).append("pending", List.of("webhooks"))).append("$unset", new Document("doneAt", "")));
      mongo.database.getCollection(EventOutbox.OPEN).insertOne(new Document("_id", stored.getObjectId("_id")));
      EventOutbox[] outbox = new EventOutbox[1];
      try (Webhooks later = laterNode(outbox)) {
        outbox[0].recover();
        assertThat(outbox[0].pendingCount()).isZero(); // the later node's fan-out took it
      }
      WebhookDeliveryIntegrationTests.sleep(500);
      assertThat(node.pendingDeliveries()).isZero();
      assertThat(receiver.at("/in")).hasSize(1);
    }
  }
}
