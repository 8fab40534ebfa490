package dev.tangram.engine.events;

import static dev.tangram.engine.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.tangram.engine.access.Actor;
import dev.tangram.engine.records.Record;
import dev.tangram.engine.records.RecordChange;
import dev.tangram.engine.testing.EmbeddedMongo;
import dev.tangram.engine.testing.Fixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every committed change gets its event and history entry, even when the process "dies" at each
 * step between the record write and the consumers; a refused change gets none.
 */
class EventOutboxIntegrationTests {

  private static final Actor ALICE = Actor.user("alice", Set.of("ADMIN"), List.of());

  private EmbeddedMongo mongo;
  private final List<Event> seen = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger failuresLeft = new AtomicInteger();

  /** A consumer that can be told to fail, as a webhook fan-out might when the store hiccups. */
  private final EventConsumer recorder = new EventConsumer() {
    @Override
    public String name() {
      return "recorder";
    }

    @Override
    public void accept(Event event) {
      if (failuresLeft.getAndDecrement() > 0) {
        throw new IllegalStateException("injected failure");
      }
      seen.add(event);
    }
  };

  @BeforeEach
  void setUp() {
    mongo = new EmbeddedMongo();
    mongo.outbox.register(recorder);
    mongo.apps.create("fin", "Finance", null, "admin");
    mongo.forms.create("fin", Fixtures.resource("/dev/tangram/engine/forms/customer.json"), "admin");
    mongo.forms.publish("fin", "customer", "admin");
  }

  @AfterEach
  void tearDown() {
    mongo.close();
  }

  /** The outbox of a node that starts a minute later: past every grace period. */
  private EventOutbox laterNode() {
    EventOutbox later = new EventOutbox(mongo.database, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1)));
    later.register(new dev.tangram.engine.records.internal.RecordHistory(mongo.database));
    later.register(recorder);
    return later;
  }

  private MongoCollection<Document> customers() {
    return mongo.database.getCollection("records.fin.customer");
  }

  @Test
  void writesHandTheirEventsToConsumersInOrderAndLeaveNoOutboxBehind() {
    Record r = mongo.records.submit("fin", "customer", json("{'data':{'name':'ACME','level':'a'}}"), ALICE);
    mongo.records.patch("fin", "customer", r.id(), json("{'data':{'name':'ACME Ltd'}}"), null, ALICE);
    mongo.records.delete("fin", "customer", r.id(), null, ALICE);

    assertThat(seen).extracting(Event::type, Event::recordVersion, Event::actor)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("record.created", 1L, "alice"),
            org.assertj.core.groups.Tuple.tuple("record.updated", 2L, "alice"),
            org.assertj.core.groups.Tuple.tuple("record.deleted", 3L, "alice"));
    assertThat(seen.get(1).before().getString("name")).isEqualTo("ACME");
    assertThat(seen.get(1).data().getString("name")).isEqualTo("ACME Ltd");
    assertThat(mongo.outbox.pendingCount()).isZero();
    assertThat(customers().countDocuments(Filters.exists(EventOutbox.OUTBOX + ".0"))).isZero(); // an empty list may remain
    assertThat(mongo.records.history("fin", "customer", r.id(), ALICE)).extracting(RecordChange::action)
        .containsExactly("created", "updated", "deleted");
  }

  @Test
  void aRefusedWriteHasNoEvent() {
    try {
      mongo.records.submit("fin", "customer", json("{'data':{'level':'zzz'}}"), ALICE);
    } catch (RuntimeException expected) {
      // refused: missing name, bad level
    }
    assertThat(seen).isEmpty();
    mongo.outbox.settle();
    assertThat(mongo.database.getCollection("_events").countDocuments()).isZero();
  }

  @Test
  void aFailingConsumerIsRetriedByTheRelayUntilItTakesTheEvent() {
    failuresLeft.set(1);
    mongo.records.submit("fin", "customer", json("{'data':{'name':'ACME','level':'a'}}"), ALICE);
    assertThat(seen).isEmpty();
    assertThat(mongo.outbox.pendingCount()).isEqualTo(1);

    mongo.outbox.recover(); // within the grace period: left to the writer
    assertThat(seen).isEmpty();
    laterNode().recover();

    assertThat(seen).extracting(Event::type).containsExactly("record.created");
    assertThat(mongo.outbox.pendingCount()).isZero();
  }

  @Test
  void aCrashRightAfterTheRecordWriteIsFinishedByRecovery() {
    // What a node leaves when it dies between the record write and the relay: the event is only
    // inside the record document.
    ObjectId id = new ObjectId();
    Event created = recordWithItsEventStaged(id, "Crashed Co");

    laterNode().recover();
    laterNode().recover(); // twice: nothing doubles

    assertThat(seen).extracting(Event::id).containsExactly(created.id());
    assertThat(customers().find(Filters.eq("_id", id)).first().getList(EventOutbox.OUTBOX, Document.class)).isEmpty();
    assertThat(mongo.records.history("fin", "customer", id.toHexString(), ALICE)).hasSize(1);
  }

  @Test
  void aCrashWhileTheConsumersRanIsFinishedFromTheRecordItsMarkerNames() {
    EventOutbox later = laterNode();
    later.recover(); // its start-up sweep of the record collections is behind it: only the marker can lead to the event
    // What a node leaves when it dies after marking the event open, while the consumers ran, before storing it:
    ObjectId id = new ObjectId();
    Event created = recordWithItsEventStaged(id, "Half Co");
    mongo.database.getCollection(EventOutbox.OPEN).insertOne(new Document("_id", created.id()).append("records", "records.fin.customer").append("record", id));

    later.recover();
    later.recover(); // again: nothing doubles

    assertThat(seen).extracting(Event::id).containsExactly(created.id());
    assertThat(later.pendingCount()).isZero();
    assertThat(mongo.database.getCollection(EventOutbox.COLLECTION).find(Filters.eq("_id", created.id())).first()).containsKey("doneAt");
    assertThat(customers().find(Filters.eq("_id", id)).first().getList(EventOutbox.OUTBOX, Document.class)).isEmpty();
    assertThat(mongo.records.history("fin", "customer", id.toHexString(), ALICE)).hasSize(1);
  }

  @Test
  void publishedEventsReachTheConsumersInOrderAndAreStoredClosedOrWithWhoIsStillPending() {
    Event started = flowEvent(EventTypes.FLOW_STARTED);
    Event created = flowEvent(EventTypes.TASK_CREATED);
    failuresLeft.set(1); // the recorder fails on the first one: it stays pending for the relay thread to retry

    mongo.outbox.publish(List.of(started, created));

    assertThat(seen).extracting(Event::id).containsExactly(created.id());
    mongo.outbox.settle();
    MongoCollection<Document> stored = mongo.database.getCollection(EventOutbox.COLLECTION);
    assertThat(stored.find(Filters.eq("_id", started.id())).first().getList("pending", String.class)).containsExactly("recorder");
    assertThat(stored.find(Filters.eq("_id", created.id())).first()).containsKey("doneAt");
    assertThat(mongo.database.getCollection(EventOutbox.OPEN).find().map(d -> d.getObjectId("_id")).into(new ArrayList<>()))
        .containsExactly(started.id()); // the settled one's marker is gone

    laterNode().recover();
    assertThat(seen).extracting(Event::id).containsExactly(created.id(), started.id());
    assertThat(mongo.outbox.pendingCount()).isZero();
  }

  @Test
  void aCrashBeforeAPublishedEventWasStoredIsFinishedFromItsMarker() {
    Event completed = flowEvent(EventTypes.TASK_COMPLETED);
    // What a node leaves when it dies while the consumers ran, before storing the published event:
    mongo.database.getCollection(EventOutbox.OPEN).insertOne(new Document("_id", completed.id())
        .append("event", new Document(mongo.outbox.stage(completed))));

    EventOutbox later = laterNode();
    later.recover();
    later.recover(); // again: nothing doubles

    assertThat(seen).extracting(Event::id).containsExactly(completed.id());
    assertThat(later.pendingCount()).isZero();
    assertThat(mongo.database.getCollection(EventOutbox.COLLECTION).find(Filters.eq("_id", completed.id())).first()).containsKey("doneAt");
  }

  private static Event flowEvent(String type) {
    return new Event(new ObjectId(), type, "fin", "customer", new ObjectId().toHexString(), 0L, "in_approval", "flow", Instant.now(), null, null,
        new Document("processInstanceId", "p1"));
  }

  @Test
  void aMarkerWhoseEventIsNowhereIsDropped() {
    EventOutbox later = laterNode();
    mongo.database.getCollection(EventOutbox.OPEN).insertOne(new Document("_id", new ObjectId()).append("records", "records.fin.customer")
        .append("record", new ObjectId())); // the node died before its write reached the store: nothing was committed
    later.recover();
    assertThat(later.pendingCount()).isZero();
    assertThat(seen).isEmpty();
  }

  @Test
  void aTentativeDeletionIsKeptOnlyIfTheRecordIsGone() {
    Record kept = mongo.records.submit("fin", "customer", json("{'data':{'name':'Kept','level':'a'}}"), ALICE);
    Record gone = mongo.records.submit("fin", "customer", json("{'data':{'name':'Gone','level':'a'}}"), ALICE);
    mongo.outbox.settle(); // as it is long before the later node comes
    seen.clear();
    // Died after writing the tentative event, before deleting:
    ObjectId keptEvent = mongo.outbox.beginDelete(Event.ofRecord(EventTypes.RECORD_DELETED, "fin", "customer",
        new ObjectId(kept.id()), 2L, "active", "alice", Instant.now(), null, new Document("name", "Kept")));
    // Died after deleting, before confirming:
    mongo.outbox.beginDelete(Event.ofRecord(EventTypes.RECORD_DELETED, "fin", "customer",
        new ObjectId(gone.id()), 2L, "active", "alice", Instant.now(), null, new Document("name", "Gone")));
    customers().deleteOne(Filters.eq("_id", new ObjectId(gone.id())));

    laterNode().recover();

    assertThat(seen).extracting(Event::type, Event::recordId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("record.deleted", gone.id()));
    assertThat(mongo.database.getCollection("_events").find(Filters.eq("_id", keptEvent)).first()).isNull();
    assertThat(mongo.records.get("fin", "customer", kept.id(), ALICE).data().get("name").asString()).isEqualTo("Kept");
  }

  @Test
  void aStatusChangeByTheSystemCarriesItsTransitionInTheEvent() {
    Record r = mongo.records.submit("fin", "customer", json("{'data':{'name':'ACME','level':'a'}}"), ALICE);
    Record changed = mongo.records.changeStatus("fin", "customer", r.id(), "approved", null, 1L, "flow",
        new Document("outcome", "approved"));

    assertThat(changed.status()).isEqualTo("approved");
    assertThat(changed.version()).isEqualTo(2);
    Event last = seen.getLast();
    assertThat(last.details()).containsEntry("statusFrom", "active").containsEntry("statusTo", "approved")
        .containsEntry("outcome", "approved");
  }

  @Test
  void concurrentWritersAndPublishersGetEveryEventStoredOnceAndLeaveNothingOpen() throws Exception {
    int writers = 8;
    int each = 10;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<List<String>>> written = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      written.add(pool.submit(() -> {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < each; i++) {
          Record r = mongo.records.submit("fin", "customer", json("{'data':{'name':'W" + writer + "-" + i + "','level':'a'}}"), ALICE);
          mongo.records.patch("fin", "customer", r.id(), json("{'data':{'level':'b'}}"), null, ALICE);
          mongo.outbox.publish(List.of(flowEvent(EventTypes.TASK_CREATED), flowEvent(EventTypes.TASK_COMPLETED)));
          ids.add(r.id());
        }
        return ids;
      }));
    }
    List<String> records = new ArrayList<>();
    for (Future<List<String>> f : written) {
      records.addAll(f.get());
    }
    pool.shutdown();
    mongo.outbox.settle();

    int total = writers * each * 4;
    MongoCollection<Document> stored = mongo.database.getCollection(EventOutbox.COLLECTION);
    assertThat(seen).hasSize(total).extracting(Event::id).doesNotHaveDuplicates();
    assertThat(stored.countDocuments()).isEqualTo(total);
    assertThat(stored.countDocuments(Filters.exists("doneAt"))).isEqualTo(total);
    assertThat(stored.find().map(d -> d.getObjectId("_id")).into(new ArrayList<>()))
        .containsExactlyInAnyOrderElementsOf(seen.stream().map(Event::id).toList());
    assertThat(mongo.database.getCollection(EventOutbox.OPEN).countDocuments()).isZero();
    assertThat(customers().countDocuments(Filters.exists(EventOutbox.OUTBOX + ".0"))).isZero();
    assertThat(records).hasSize(writers * each).allSatisfy(id ->
        assertThat(mongo.records.history("fin", "customer", id, ALICE)).extracting(RecordChange::action).containsExactly("created", "updated"));
  }

  @Test
  void aNodeThatDiesBeforeItSettlesLeavesMarkersFromWhichRecoveryFinishesEverything() {
    EventOutbox dying = EventOutbox.dyingBeforeItSettles(mongo.database, Clock.systemUTC());
    dying.register(recorder);
    Event started = flowEvent(EventTypes.FLOW_STARTED);
    Event created = flowEvent(EventTypes.TASK_CREATED);
    dying.publish(List.of(started, created));
    ObjectId id = new ObjectId();
    Event staged = recordWithItsEventStaged(id, "Dying Co");
    dying.relay(customers(), id, customers().find(Filters.eq("_id", id)).first().getList(EventOutbox.OUTBOX, Document.class));
    // handed over, marked open, never stored, still in the record:
    assertThat(seen).extracting(Event::id).containsExactly(started.id(), created.id(), staged.id());
    assertThat(mongo.database.getCollection(EventOutbox.OPEN).countDocuments()).isEqualTo(3);
    assertThat(mongo.database.getCollection(EventOutbox.COLLECTION).countDocuments()).isZero();
    assertThat(customers().find(Filters.eq("_id", id)).first().getList(EventOutbox.OUTBOX, Document.class)).hasSize(1);

    EventOutbox later = laterNode();
    later.recover();
    later.recover(); // again: nothing doubles

    // every consumer gets each once more (at least once), and each is stored closed
    assertThat(seen).extracting(Event::id).containsExactlyInAnyOrder(started.id(), created.id(), staged.id(),
        started.id(), created.id(), staged.id());
    assertThat(later.pendingCount()).isZero();
    assertThat(mongo.database.getCollection(EventOutbox.COLLECTION).countDocuments(Filters.exists("doneAt"))).isEqualTo(3);
    assertThat(customers().find(Filters.eq("_id", id)).first().getList(EventOutbox.OUTBOX, Document.class)).isEmpty();
    assertThat(mongo.records.history("fin", "customer", id.toHexString(), ALICE)).hasSize(1);
  }

  @Test
  void anEventStoredBeforeTheSettlerCameIsNotedAsTakenNotStoredTwice() {
    failuresLeft.set(2); // the recorder fails both hand-overs of recovery: it stores the event open for it
    ObjectId id = new ObjectId();
    recordWithItsEventStaged(id, "Twice Co");
    List<Document> staged = customers().find(Filters.eq("_id", id)).first().getList(EventOutbox.OUTBOX, Document.class);
    EventOutbox later = laterNode();
    later.recover();
    assertThat(later.pendingCount()).isEqualTo(1);

    mongo.outbox.relay(customers(), id, staged); // relayed again (as by a node that was slow): the recorder takes it now
    mongo.outbox.settle();

    MongoCollection<Document> stored = mongo.database.getCollection(EventOutbox.COLLECTION);
    assertThat(stored.countDocuments()).isEqualTo(1);
    assertThat(stored.find().first()).containsKey("doneAt").doesNotContainKey("open");
    assertThat(mongo.outbox.pendingCount()).isZero();
  }

  @Test
  void aSecondWriteBeforeTheFirstIsSettledKeepsBothEvents() {
    AtomicReference<List<Document>> outboxAfterSecondWrite = new AtomicReference<>();
    mongo.outbox.register(new EventConsumer() { // like a flow start: moves the record on while its created event is handed over
      @Override
      public String name() {
        return "approver";
      }

      @Override
      public void accept(Event event) {
        if (event.type().equals(EventTypes.RECORD_CREATED)) {
          mongo.records.changeStatus("fin", "customer", event.recordId(), "approved", null, 1L, "flow", new Document());
          outboxAfterSecondWrite.set(customers().find(Filters.eq("_id", new ObjectId(event.recordId()))).first()
              .getList(EventOutbox.OUTBOX, Document.class));
        }
      }
    });
    Record r = mongo.records.submit("fin", "customer", json("{'data':{'name':'ACME','level':'a'}}"), ALICE);
    List<Record> more = new ArrayList<>(); // and right after each other on one thread, the settler somewhere in between
    for (int i = 0; i < 10; i++) {
      Record next = mongo.records.submit("fin", "customer", json("{'data':{'name':'N" + i + "','level':'a'}}"), ALICE);
      mongo.records.patch("fin", "customer", next.id(), json("{'data':{'level':'b'}}"), null, ALICE);
      more.add(next);
    }
    mongo.outbox.settle();

    // the created event was still staged when the status change wrote (its own event may be settled already)
    assertThat(outboxAfterSecondWrite.get()).extracting(e -> e.getString("type")).contains("record.created");
    assertThat(mongo.outbox.pendingCount()).isZero();
    assertThat(customers().countDocuments(Filters.exists(EventOutbox.OUTBOX + ".0"))).isZero();
    assertThat(mongo.database.getCollection(EventOutbox.COLLECTION).countDocuments(Filters.exists("doneAt"))).isEqualTo(2 + 3 * 10);
    assertThat(mongo.records.history("fin", "customer", r.id(), ALICE)).extracting(RecordChange::action).containsExactly("created", "updated");
    assertThat(more).allSatisfy(n -> assertThat(mongo.records.history("fin", "customer", n.id(), ALICE)).hasSize(3));
  }

  /** A customer record as the record write leaves it: its created event staged inside the document, not relayed yet. */
  private Event recordWithItsEventStaged(ObjectId id, String name) {
    Instant at = Instant.now();
    Document data = new Document("name", name).append("level", "b");
    Event created = Event.ofRecord(EventTypes.RECORD_CREATED, "fin", "customer", id, 1L, "active", "alice", at, data, null);
    customers().insertOne(new Document("_id", id).append("app", "fin").append("form", "customer").append("formVersion", 1)
        .append("data", data).append("status", "active").append("createdBy", "alice").append("createdAt", Date.from(at))
        .append("updatedBy", "alice").append("updatedAt", Date.from(at)).append("version", 1L)
        .append(EventOutbox.OUTBOX, List.of(mongo.outbox.stage(created))));
    return created;
  }
}
