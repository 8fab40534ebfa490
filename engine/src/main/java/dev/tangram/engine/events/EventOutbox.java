package dev.tangram.engine.events;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.tangram.engine.events.internal.EventDocuments;
import dev.tangram.engine.events.internal.EventSettler;
import dev.tangram.engine.events.internal.EventSettler.Settling;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactional outbox without transactions. The embedded store has no multi-document
 * transactions, so a record write carries its event in the record document itself (field
 * {@value #OUTBOX}, one atomic write). Right after the write, {@link #relay} marks the event open
 * in {@code _events_open} and hands it to the consumers; then a settler thread stores it in
 * {@code _events} with what is still pending, pulls it from the record and drops the marker, for
 * all writers at once ({@link EventSettler}: the writer's thread spends one round trip here, not
 * four). If the process dies in between, {@link #recover} finds the leftovers (on the next start,
 * and the periodic relay on other nodes): a committed change always gets its event, and a refused
 * one never does.
 *
 * <p>Every write here filters by {@code _id} alone: the embedded store answers only that from an
 * index and scans the whole collection for any other filter.
 *
 * <p>A deletion leaves no document to carry its event, so it is written the other way round: the
 * event first, marked tentative ({@link #beginDelete}), then the deletion, then {@link #confirm};
 * recovery keeps a tentative event only if its record is gone.
 *
 * <p>Longer than most classes here: the relay, the recovery and the deletions share the rules of
 * markers and stored events above, and split apart each part would have to restate them.
 */
public final class EventOutbox implements AutoCloseable {

  /** Field of a record document that holds its not-yet-relayed events (may remain as an empty list). */
  public static final String OUTBOX = "_outbox";
  /** When a staged event was written; indexed so the sweep for leftovers need not scan (on MongoDB). */
  public static final String OUTBOX_AT = OUTBOX + ".at";
  /** Every event, kept {@value #RETENTION_DAYS} day(s) after all consumers took it. */
  public static final String COLLECTION = "_events";
  /**
   * The ids of events some consumer has not taken yet. Small by design: the relay scans it every
   * pass, and the embedded store answers most queries by scanning, so scanning {@code _events} would
   * cost more the longer events are kept.
   */
  public static final String OPEN = "_events_open";
  static final int RETENTION_DAYS = 1;

  private static final Logger log = LoggerFactory.getLogger(EventOutbox.class);
  private static final Duration RELAY_GRACE = Duration.ofSeconds(5);
  private static final Duration TENTATIVE_GRACE = Duration.ofSeconds(30);
  private static final Duration RETENTION = Duration.ofDays(RETENTION_DAYS);
  /** How often a pass also looks into every record collection for outboxes a dead node left behind. */
  private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(5);

  private final MongoDatabase database;
  private final MongoCollection<Document> events;
  private final MongoCollection<Document> open;
  private volatile @Nullable Instant lastSweep;
  private final Clock clock;
  private final List<EventConsumer> consumers = new CopyOnWriteArrayList<>();
  private final List<Runnable> recoveryTasks = new CopyOnWriteArrayList<>();
  private @Nullable ScheduledExecutorService relayThread;
  private final EventSettler settler;

  public EventOutbox(MongoDatabase database, Clock clock) {
    this(database, clock, true);
  }

  private EventOutbox(MongoDatabase database, Clock clock, boolean settles) {
    this.database = database;
    this.clock = clock;
    this.events = database.getCollection(COLLECTION);
    this.open = database.getCollection(OPEN);
    this.settler = new EventSettler(events, open, this::storedBefore, settles);
    events.createIndex(Indexes.ascending("doneAt"));
  }

  /** An outbox that hands events over but never settles them, as a node leaves that dies right after (tests of recovery). */
  static EventOutbox dyingBeforeItSettles(MongoDatabase database, Clock clock) {
    return new EventOutbox(database, clock, false);
  }

  /** Adds a consumer; events staged from now on are handed to it. Names must be unique. */
  public void register(EventConsumer consumer) {
    if (consumers.stream().anyMatch(c -> c.name().equals(consumer.name()))) {
      throw new IllegalStateException("Two event consumers are named '" + consumer.name() + "'");
    }
    consumers.add(consumer);
  }

  /** Adds work that finishes what a crash left elsewhere (e.g. posting sagas); run on every recovery pass. */
  public void addRecoveryTask(Runnable task) {
    recoveryTasks.add(task);
  }

  /** The document to put in the record's {@value #OUTBOX} in the same write as the change. */
  public Document stage(Event event) {
    return EventDocuments.toDocument(event);
  }

  /** Publishes one event that is not part of a record write; see {@link #publish(List)}. */
  public void publish(Event event) {
    publish(List.of(event));
  }

  /**
   * Publishes events that are not part of a record write (the flow and task events of one process
   * engine transaction), in order. Like {@link #relay}, the consumers come before the store: each
   * event's marker carries the event, so recovery hands it over if the node dies before it is
   * stored; then the settler stores all, each closed or with the consumers still pending. One round
   * trip on the caller's thread for the batch, however many events it has.
   */
  public void publish(List<Event> batch) {
    if (batch.isEmpty()) {
      return;
    }
    List<Document> documents = batch.stream().map(EventDocuments::toDocument).toList();
    open.insertMany(documents.stream().map(d -> new Document("_id", d.getObjectId("_id")).append("event", d)).toList());
    List<Settling> work = new ArrayList<>();
    List<String> everyone = names();
    for (int i = 0; i < batch.size(); i++) {
      List<String> taken = handOver(batch.get(i), everyone);
      work.add(new Settling(toStore(documents.get(i), everyone, taken), taken, null, null));
    }
    settler.enqueue(work);
  }

  /**
   * After a record write that staged {@code staged}: hands them to the consumers; the settler then
   * stores them in {@code _events} with what is still pending and clears them from the record. The
   * consumers come first, so an event every consumer took is stored closed in one write (not stored
   * open, then closed); the markers written before them (one round trip for all) let recovery find
   * the events in the record if the node dies meanwhile. Until settled, the record keeps them in its
   * outbox; a later write only adds its own. Never throws: whatever fails here is done again by
   * recovery.
   */
  public void relay(MongoCollection<Document> records, ObjectId recordId, List<Document> staged) {
    if (staged.isEmpty()) {
      return;
    }
    try {
      String collection = records.getNamespace().getCollectionName();
      insertIgnoringDuplicates(open, staged.stream()
          .map(e -> new Document("_id", e.getObjectId("_id")).append("records", collection).append("record", recordId)).toList());
      List<Settling> work = new ArrayList<>();
      List<String> everyone = names();
      for (Document event : staged) {
        List<String> taken = handOver(EventDocuments.fromDocument(event), everyone);
        work.add(new Settling(toStore(event, everyone, taken), taken, records, recordId));
      }
      settler.enqueue(work);
    } catch (RuntimeException e) {
      log.warn("Relaying the events of record {} failed; recovery will retry", recordId, e);
    }
  }

  /** Writes a deletion's event, tentative until {@link #confirm}; returns its id. */
  public ObjectId beginDelete(Event event) {
    Document stored = EventDocuments.toDocument(event).append("pending", names()).append("open", true).append("tentative", true);
    insertIgnoringDuplicate(open, new Document("_id", event.id()));
    events.insertOne(stored);
    return event.id();
  }

  /** The deletion happened: the event becomes real and goes to the consumers. */
  public void confirm(ObjectId eventId) {
    try {
      events.updateOne(Filters.eq("_id", eventId), Updates.unset("tentative"));
      Document stored = events.find(Filters.eq("_id", eventId)).first();
      if (stored != null) {
        dispatch(stored);
      }
    } catch (RuntimeException e) {
      log.warn("Confirming event {} failed; recovery will retry", eventId, e);
    }
  }

  /** The deletion did not happen: its event is dropped. */
  public void abandon(ObjectId eventId) {
    events.deleteOne(Filters.eq("_id", eventId));
    open.deleteOne(Filters.eq("_id", eventId));
  }

  /**
   * Finishes whatever a crash (here or on another node) left: events still inside records, tentative
   * deletions, events some consumer has not yet taken. Safe to run at any time on any node.
   */
  public void recover() {
    Instant now = clock.instant();
    Instant last = lastSweep;
    if (last == null || !now.isBefore(last.plus(SWEEP_INTERVAL))) { // at start, then now and then: these scan
      lastSweep = now;
      relayLeftoverOutboxes(now.minus(RELAY_GRACE));
      settler.settle(); // before the markers are read below: one not yet settled would be relayed again
      events.deleteMany(Filters.lt("doneAt", Date.from(now.minus(RETENTION))));
    }
    settleTentativeDeletions(now.minus(TENTATIVE_GRACE));
    recoveryTasks.forEach(Runnable::run);
    dispatchOpen(now.minus(RELAY_GRACE));
  }

  /** Runs {@link #recover} now and then every {@code interval} on a background thread. */
  public synchronized void start(Duration interval) {
    if (relayThread != null) {
      return;
    }
    relayThread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "tangram-event-relay");
      t.setDaemon(true);
      return t;
    });
    relayThread.scheduleWithFixedDelay(() -> {
      try {
        recover();
      } catch (RuntimeException e) {
        log.warn("Event relay pass failed", e);
      }
    }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops the relay thread, then settles what was handed over. */
  @Override
  public synchronized void close() {
    if (relayThread != null) {
      relayThread.shutdownNow();
      relayThread = null;
    }
    settler.close();
  }

  /**
   * Blocks until every event handed over so far is stored and its marker dropped (or the attempt
   * failed and is left to recovery). For tests that read {@code _events}, and for shutdown.
   */
  public void settle() {
    settler.settle();
  }

  /** Events not yet taken by every consumer (for tests and health); settles first, so only those remain. */
  public long pendingCount() {
    settle();
    return open.countDocuments();
  }

  private List<String> names() {
    return consumers.stream().map(EventConsumer::name).toList();
  }

  /** Hands the event to each of {@code pending}, in registration order; returns who took it. */
  private List<String> handOver(Event event, List<String> pending) {
    List<String> taken = new ArrayList<>();
    for (EventConsumer consumer : consumers) {
      if (!pending.contains(consumer.name())) {
        continue;
      }
      try {
        consumer.accept(event);
        taken.add(consumer.name());
      } catch (EventConsumer.Deferred later) {
        // stays pending: the consumer takes it on its own
      } catch (RuntimeException e) {
        log.warn("Event consumer '{}' failed on {} {}; it will be retried", consumer.name(), event.type(), event.id(), e);
      }
    }
    return taken;
  }

  /** A handed-over event as it goes into {@code _events}: closed, or open with the consumers that have not taken it. */
  private Document toStore(Document event, List<String> everyone, List<String> taken) {
    List<String> pending = everyone.stream().filter(n -> !taken.contains(n)).toList();
    Document stored = new Document(event);
    return pending.isEmpty() ? stored.append("doneAt", Date.from(clock.instant())) : stored.append("pending", pending).append("open", true);
  }

  /**
   * For an event found stored when the settler came to store it (relayed twice, or recovery stored
   * it meanwhile): notes on the stored one what this hand-over did.
   *
   * @return whether the event is settled (no consumer pending)
   */
  private boolean storedBefore(ObjectId id, List<String> taken) {
    Document stored = events.findOneAndUpdate(Filters.eq("_id", id), Updates.pullAll("pending", taken),
        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    if (stored == null || !Boolean.TRUE.equals(stored.getBoolean("open"))) {
      return true;
    }
    if (!stored.getList("pending", String.class, List.of()).isEmpty()) {
      return false;
    }
    close(id);
    return true;
  }

  /**
   * Hands a stored open event to each consumer still pending, then records the progress in one
   * write (not one per consumer: a crash in between only means some consumer gets the event again,
   * which at-least-once delivery allows).
   */
  private void dispatch(Document stored) {
    if (stored.get("tentative") != null || !Boolean.TRUE.equals(stored.getBoolean("open"))) {
      return;
    }
    List<String> pending = stored.getList("pending", String.class);
    List<String> taken = handOver(EventDocuments.fromDocument(stored), pending);
    ObjectId id = stored.getObjectId("_id");
    if (taken.containsAll(pending)) { // pending only shrinks: everyone who still had it has taken it
      close(id);
      open.deleteOne(Filters.eq("_id", id));
    } else if (!taken.isEmpty()) {
      events.updateOne(Filters.eq("_id", id), Updates.pullAll("pending", taken));
    }
  }

  /** No consumer pending any more. By {@code _id} alone: closing a closed event again only moves its {@code doneAt}. */
  private void close(ObjectId id) {
    events.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("pending", List.of()), Updates.unset("open"),
        Updates.set("doneAt", Date.from(clock.instant()))));
  }

  private void dispatchOpen(Instant stagedBefore) {
    for (Document event : openEvents(stagedBefore)) {
      if (event.get("tentative") == null) {
        dispatch(event);
      }
    }
  }

  /**
   * Open events staged before {@code before}, oldest first. A marker without a stored event is an
   * event whose relay or publication did not finish: a published one is stored from the marker; a
   * record's is relayed again from the record the marker names if the event is still there;
   * otherwise (or without a record) dropped, since then nothing was committed.
   */
  private List<Document> openEvents(Instant before) {
    List<Document> markers = new ArrayList<>();
    open.find(Filters.lt("_id", new ObjectId(Date.from(before)))).sort(Sorts.ascending("_id")).limit(1000).forEach(markers::add);
    List<Document> found = new ArrayList<>();
    try {
      collectOpen(markers, found);
    } finally {
      settler.settle(); // what was relayed again here, before the next look at the markers
    }
    return found;
  }

  private void collectOpen(List<Document> markers, List<Document> found) {
    for (Document marker : markers) {
      ObjectId id = marker.getObjectId("_id");
      Document event = events.find(Filters.eq("_id", id)).first();
      if (event != null && Boolean.TRUE.equals(event.getBoolean("open"))) {
        found.add(event);
      } else if (event == null && marker.get("event") instanceof Document published) {
        // published, not stored: every consumer gets it (again — at least once)
        Document reopened = new Document(published).append("pending", names()).append("open", true);
        if (insertIgnoringDuplicate(events, reopened)) {
          found.add(reopened);
        }
      } else if (event != null || !relayFromRecord(marker)) {
        open.deleteOne(Filters.eq("_id", id));
      }
    }
  }

  /** Relays a marker's event from its record's outbox; false if it is not there (or the marker names no record). */
  private boolean relayFromRecord(Document marker) {
    String collection = marker.getString("records");
    ObjectId recordId = marker.getObjectId("record");
    if (collection == null || recordId == null) {
      return false;
    }
    MongoCollection<Document> records = database.getCollection(collection);
    Document record = records.find(Filters.eq("_id", recordId)).projection(new Document(OUTBOX, 1)).first();
    List<Document> staged = record == null ? List.of() : record.getList(OUTBOX, Document.class, List.of()).stream()
        .filter(e -> marker.getObjectId("_id").equals(e.getObjectId("_id"))).toList();
    if (staged.isEmpty()) {
      return false;
    }
    relay(records, recordId, staged);
    return true;
  }

  private void relayLeftoverOutboxes(Instant stagedBefore) {
    for (String name : database.listCollectionNames()) {
      if (!name.startsWith("records.")) {
        continue;
      }
      MongoCollection<Document> records = database.getCollection(name);
      List<Document> leftovers = new ArrayList<>();
      records.find(Filters.lt(OUTBOX_AT, Date.from(stagedBefore))).projection(new Document(OUTBOX, 1)).forEach(leftovers::add);
      for (Document record : leftovers) {
        List<Document> staged = record.getList(OUTBOX, Document.class, List.of());
        relay(records, record.getObjectId("_id"), staged);
      }
    }
  }

  private void settleTentativeDeletions(Instant writtenBefore) {
    List<Document> tentative = openEvents(writtenBefore).stream().filter(d -> Boolean.TRUE.equals(d.getBoolean("tentative"))).toList();
    for (Document d : tentative) {
      String collection = "records." + d.getString("app") + "." + d.getString("form");
      boolean stillThere = database.getCollection(collection).find(Filters.eq("_id", new ObjectId(d.getString("recordId")))).first() != null;
      if (stillThere) {
        abandon(d.getObjectId("_id"));
      } else {
        confirm(d.getObjectId("_id"));
      }
    }
  }

  /** One insert for all; a document that is there already (relayed again) is not an error. */
  private static void insertIgnoringDuplicates(MongoCollection<Document> collection, List<Document> documents) {
    try {
      collection.insertMany(documents, new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      if (e.getWriteConcernError() != null
          || e.getWriteErrors().stream().anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
        throw e;
      }
    }
  }

  private static boolean insertIgnoringDuplicate(MongoCollection<Document> collection, Document document) {
    try {
      collection.insertOne(document);
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      return false;
    }
  }
}
