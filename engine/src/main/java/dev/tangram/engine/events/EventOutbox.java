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
import org.bson.conversions.Bson;
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
  static final String COLLECTION = "_events";

  private static final Logger log = LoggerFactory.getLogger(EventOutbox.class);
  private static final Duration RELAY_GRACE = Duration.ofSeconds(5);
  private static final Duration TENTATIVE_GRACE = Duration.ofSeconds(30);
  private static final Duration RETENTION = Duration.ofDays(7);

  private final MongoDatabase database;
  private final MongoCollection<Document> events;
  private final Clock clock;
  private final List<EventConsumer> consumers = new CopyOnWriteArrayList<>();
  private final List<Runnable> recoveryTasks = new CopyOnWriteArrayList<>();
  private @Nullable ScheduledExecutorService relayThread;

  public EventOutbox(MongoDatabase database, Clock clock) {
    this.database = database;
    this.clock = clock;
    this.events = database.getCollection(COLLECTION);
    events.createIndex(Indexes.ascending("open", "_id"));
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
    insertIgnoringDuplicate(stored);
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
        Document open = open(new Document(event));
        if (!insertIgnoringDuplicate(open)) { // relayed before: take its progress, not a fresh copy
          open = events.find(Filters.eq("_id", open.getObjectId("_id"))).first();
        }
        if (open != null) {
          stored.add(open);
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
  }

  /**
   * Finishes whatever a crash (here or on another node) left: events still inside records, tentative
   * deletions, events some consumer has not yet taken. Safe to run at any time on any node.
   */
  public void recover() {
    Instant now = clock.instant();
    relayLeftoverOutboxes(now.minus(RELAY_GRACE));
    settleTentativeDeletions(now.minus(TENTATIVE_GRACE));
    recoveryTasks.forEach(Runnable::run);
    dispatchOpen(now.minus(RELAY_GRACE));
    events.deleteMany(Filters.lt("doneAt", Date.from(now.minus(RETENTION))));
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
    return events.countDocuments(Filters.eq("open", true));
  }

  private Document open(Document event) {
    List<String> pending = consumers.stream().map(EventConsumer::name).toList();
    return pending.isEmpty() ? event.append("doneAt", Date.from(clock.instant()))
        : event.append("pending", pending).append("open", true);
  }

  private void dispatch(Document stored) {
    if (stored.get("tentative") != null || !Boolean.TRUE.equals(stored.getBoolean("open"))) {
      return;
    }
    Event event = EventDocuments.fromDocument(stored);
    List<String> pending = stored.getList("pending", String.class);
    for (EventConsumer consumer : consumers) {
      if (!pending.contains(consumer.name())) {
        continue;
      }
      try {
        consumer.accept(event);
      } catch (EventConsumer.Deferred later) {
        continue;
      } catch (RuntimeException e) {
        log.warn("Event consumer '{}' failed on {} {}; it will be retried", consumer.name(), event.type(), event.id(), e);
        continue;
      }
      events.updateOne(Filters.eq("_id", event.id()), Updates.pull("pending", consumer.name()));
    }
    events.updateOne(Filters.and(Filters.eq("_id", event.id()), Filters.size("pending", 0)),
        Updates.combine(Updates.unset("open"), Updates.set("doneAt", Date.from(clock.instant()))));
  }

  private void dispatchOpen(Instant stagedBefore) {
    Bson due = Filters.and(Filters.eq("open", true), Filters.lt("_id", new ObjectId(Date.from(stagedBefore))));
    List<Document> open = new ArrayList<>();
    events.find(due).sort(Sorts.ascending("_id")).limit(1000).forEach(open::add);
    for (Document d : open) {
      if (d.get("tentative") == null) {
        dispatch(d);
      }
    }
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
    List<Document> tentative = new ArrayList<>();
    events.find(Filters.and(Filters.eq("tentative", true), Filters.lt("_id", new ObjectId(Date.from(writtenBefore)))))
        .forEach(tentative::add);
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
    records.updateOne(Filters.eq("_id", recordId), Updates.pull(OUTBOX, Filters.in("_id", ids)));
    records.updateOne(Filters.and(Filters.eq("_id", recordId), Filters.size(OUTBOX, 0)),
        Updates.combine(Updates.unset(OUTBOX), Updates.unset(OUTBOX_AT)));
  }

  /** @return false if the event was stored already */
  private boolean insertIgnoringDuplicate(Document event) {
    try {
      events.insertOne(event);
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      return false;
    }
  }
}
