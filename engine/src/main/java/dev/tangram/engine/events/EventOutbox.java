package dev.tangram.engine.events;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.tangram.engine.events.internal.EventDocuments;
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
 * {@value #OUTBOX}, one atomic write). Right after the write, {@link #relay} copies the event to
 * {@code _events}, removes it from the record and hands it to the consumers. If the process dies in
 * between, {@link #recover} finds the leftovers on the next start (and the periodic relay on other
 * nodes): a committed change always gets its event, and a refused one never does.
 *
 * <p>A deletion leaves no document to carry its event, so it is written the other way round: the
 * event first, marked tentative ({@link #beginDelete}), then the deletion, then {@link #confirm};
 * recovery keeps a tentative event only if its record is gone.
 */
public final class EventOutbox implements AutoCloseable {

  /** Field of a record document that holds its not-yet-relayed events. */
  public static final String OUTBOX = "_outbox";
  /** When the oldest relayed-pending event was staged; indexed so recovery need not scan. */
  public static final String OUTBOX_AT = "_outboxAt";
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

  public EventOutbox(MongoDatabase database, Clock clock) {
    this.database = database;
    this.clock = clock;
    this.events = database.getCollection(COLLECTION);
    this.open = database.getCollection(OPEN);
    events.createIndex(Indexes.ascending("doneAt"));
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

  /**
   * Publishes an event that is not part of a record write (flow and task events): stored, then
   * handed to the consumers.
   */
  public void publish(Event event) {
    Document stored = open(EventDocuments.toDocument(event));
    store(stored);
    dispatch(stored);
  }

  /**
   * After a record write that staged {@code staged}: moves them to {@code _events}, clears them from
   * the record and hands them to the consumers. Never throws: whatever fails here is done again by
   * recovery.
   */
  public void relay(MongoCollection<Document> records, ObjectId recordId, List<Document> staged) {
    try {
      List<Document> stored = new ArrayList<>();
      for (Document event : staged) {
        Document fresh = open(new Document(event));
        Document kept = store(fresh) ? fresh : events.find(Filters.eq("_id", fresh.getObjectId("_id"))).first();
        if (kept != null) { // relayed before: its progress, not a fresh copy
          stored.add(kept);
        }
      }
      clearOutbox(records, recordId, staged.stream().map(d -> d.getObjectId("_id")).toList());
      stored.forEach(this::dispatch);
    } catch (RuntimeException e) {
      log.warn("Relaying the events of record {} failed; recovery will retry", recordId, e);
    }
  }

  /** Writes a deletion's event, tentative until {@link #confirm}; returns its id. */
  public ObjectId beginDelete(Event event) {
    Document stored = open(EventDocuments.toDocument(event)).append("tentative", true);
    markOpen(event.id());
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

  @Override
  public synchronized void close() {
    if (relayThread != null) {
      relayThread.shutdownNow();
      relayThread = null;
    }
  }

  /** Events not yet taken by every consumer (for tests and health). */
  public long pendingCount() {
    return open.countDocuments();
  }

  private Document open(Document event) {
    List<String> pending = consumers.stream().map(EventConsumer::name).toList();
    return pending.isEmpty() ? event.append("doneAt", Date.from(clock.instant()))
        : event.append("pending", pending).append("open", true);
  }

  /**
   * Hands the event to each consumer still pending, then records the progress in one write (not
   * one per consumer: a crash in between only means some consumer gets the event again, which
   * at-least-once delivery allows).
   */
  private void dispatch(Document stored) {
    if (stored.get("tentative") != null || !Boolean.TRUE.equals(stored.getBoolean("open"))) {
      return;
    }
    Event event = EventDocuments.fromDocument(stored);
    List<String> pending = stored.getList("pending", String.class);
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
    if (taken.containsAll(pending)) { // pending only shrinks: everyone who still had it has taken it
      if (events.updateOne(Filters.and(Filters.eq("_id", event.id()), Filters.eq("open", true)), Updates.combine(Updates.set("pending", List.of()),
          Updates.unset("open"), Updates.set("doneAt", Date.from(clock.instant())))).getModifiedCount() > 0) {
        open.deleteOne(Filters.eq("_id", event.id()));
      }
    } else if (!taken.isEmpty()) {
      events.updateOne(Filters.eq("_id", event.id()), Updates.pullAll("pending", taken));
    }
  }

  private void dispatchOpen(Instant stagedBefore) {
    for (Document event : openEvents(stagedBefore)) {
      if (event.get("tentative") == null) {
        dispatch(event);
      }
    }
  }

  /** Open events staged before {@code before}, oldest first; markers of events gone are dropped. */
  private List<Document> openEvents(Instant before) {
    List<ObjectId> ids = new ArrayList<>();
    open.find(Filters.lt("_id", new ObjectId(Date.from(before)))).sort(Sorts.ascending("_id")).limit(1000)
        .forEach(d -> ids.add(d.getObjectId("_id")));
    List<Document> found = new ArrayList<>();
    for (ObjectId id : ids) {
      Document event = events.find(Filters.eq("_id", id)).first();
      if (event == null || !Boolean.TRUE.equals(event.getBoolean("open"))) {
        open.deleteOne(Filters.eq("_id", id));
      } else {
        found.add(event);
      }
    }
    return found;
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

  private static void clearOutbox(MongoCollection<Document> records, ObjectId recordId, List<ObjectId> ids) {
    // usually the outbox holds exactly these events: one write; otherwise take them out, then drop an empty outbox
    if (records.updateOne(Filters.and(Filters.eq("_id", recordId), Filters.size(OUTBOX, ids.size()), Filters.all(OUTBOX + "._id", ids)),
        Updates.combine(Updates.unset(OUTBOX), Updates.unset(OUTBOX_AT))).getModifiedCount() > 0) {
      return;
    }
    records.updateOne(Filters.eq("_id", recordId), Updates.pull(OUTBOX, Filters.in("_id", ids)));
    records.updateOne(Filters.and(Filters.eq("_id", recordId), Filters.size(OUTBOX, 0)),
        Updates.combine(Updates.unset(OUTBOX), Updates.unset(OUTBOX_AT)));
  }

  /**
   * Stores an event; an open one gets its marker first, so no stored open event lacks one.
   *
   * @return false if the event was stored already
   */
  private boolean store(Document event) {
    if (Boolean.TRUE.equals(event.getBoolean("open"))) {
      markOpen(event.getObjectId("_id"));
    }
    return insertIgnoringDuplicate(events, event);
  }

  private void markOpen(ObjectId id) {
    insertIgnoringDuplicate(open, new Document("_id", id));
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
