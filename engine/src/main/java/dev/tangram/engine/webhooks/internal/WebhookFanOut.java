package dev.tangram.engine.webhooks.internal;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import dev.tangram.engine.events.Event;
import dev.tangram.engine.events.EventConsumer;
import dev.tangram.engine.events.EventOutbox;
import dev.tangram.engine.events.EventTypes;
import dev.tangram.engine.webhooks.Subscription;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhooks' event consumer: queues one delivery per matching subscription. Idempotent, since a
 * delivery's id is derived from the event and the subscription.
 *
 * <p>Order per record: the outbox may hand over version 3 of a record before version 2 (a node died
 * after writing 2, or two writers relay concurrently). {@code _webhook_order} remembers, per
 * record, the last version fanned out; a version whose predecessor has not been fanned out yet is
 * refused (the relay retries it), so deliveries of a record are queued in version order. A gap that
 * never fills (no event for a version) is passed after {@link #GAP_PATIENCE}.
 *
 * <p>Events handed over at the same time (by concurrent writers) are fanned out together: each
 * caller builds its payloads, then one of them writes for all that are waiting — one look-up of the
 * last versions, one insert into the queue, one write of the new versions — while the others wait
 * for it, and each returns (or throws) as if it had written alone. A record's versions in one batch
 * are taken in order, each as the predecessor of the next.
 */
public final class WebhookFanOut implements EventConsumer {

  static final Duration GAP_PATIENCE = Duration.ofSeconds(60);
  private static final Logger log = LoggerFactory.getLogger(WebhookFanOut.class);

  private final MongoDatabase database;
  private final MongoCollection<Document> order;
  private final SubscriptionStore subscriptions;
  private final DeliveryStore deliveries;
  private final WebhookPayloads payloads;
  private final Clock clock;
  private final Runnable queued;
  /** Fan-outs waiting for the next batch; guarded by itself. */
  private final List<Pending> waiting = new ArrayList<>();
  /** Held by the caller that writes a batch. */
  private final ReentrantLock writing = new ReentrantLock();

  /** @param queued called after deliveries were queued, to wake the worker */
  public WebhookFanOut(MongoDatabase database, SubscriptionStore subscriptions, DeliveryStore deliveries,
      WebhookPayloads payloads, Clock clock, Runnable queued) {
    this.database = database;
    this.order = database.getCollection("_webhook_order");
    this.subscriptions = subscriptions;
    this.deliveries = deliveries;
    this.payloads = payloads;
    this.clock = clock;
    this.queued = queued;
  }

  @Override
  public String name() {
    return "webhooks";
  }

  /** One event's fan-out: its deliveries, then what the batch made of it. */
  private static final class Pending {
    final Event event;
    final boolean ordered;
    final List<Document> queue;
    boolean repeated;
    boolean done;
    @Nullable RuntimeException failure;

    Pending(Event event, boolean ordered, List<Document> queue) {
      this.event = event;
      this.ordered = ordered;
      this.queue = queue;
    }

    boolean deletion() {
      return EventTypes.RECORD_DELETED.equals(event.type());
    }
  }

  @Override
  public void accept(Event event) {
    List<Subscription> matching = subscriptions.ofApp(event.app()).stream().map(SubscriptionStore.Stored::subscription)
        .filter(s -> s.events().contains(event.type()) && (s.form() == null || s.form().equals(event.form()))).toList();
    boolean ordered = event.recordId() != null && event.type().startsWith("record.");
    if (matching.isEmpty() && (!ordered || subscriptions.ofApp(event.app()).isEmpty())) {
      return;
    }
    List<Document> queue = new ArrayList<>();
    Supplier<@Nullable Document> row = memo(() -> rowOwner(event));
    Map<String, Optional<String>> byOwner = new HashMap<>(); // the payload depends only on the owner
    for (Subscription s : matching) {
      Optional<String> body = byOwner.computeIfAbsent(s.owner(), owner -> payloads.bodyFor(s, event, row));
      body.ifPresent(b -> queue.add(DeliveryStore.newDelivery(DeliveryStore.idOf(event.id(), s.id()), s.id(), event.app(),
          event.id(), event.type(), event.recordId(), event.recordVersion(), b, event.at(), clock.instant())));
    }
    Pending mine = new Pending(event, ordered, queue);
    synchronized (waiting) {
      waiting.add(mine);
    }
    writing.lock();
    try {
      if (!mine.done) { // nobody took it along: write what waits, this one among it
        List<Pending> batch;
        synchronized (waiting) {
          batch = new ArrayList<>(waiting);
          waiting.clear();
        }
        write(batch);
      }
    } finally {
      writing.unlock();
    }
    if (mine.failure != null) {
      throw mine.failure;
    }
  }

  /** Queues the deliveries of a batch and notes their versions; marks each pending one done or failed. */
  private void write(List<Pending> batch) {
    List<Pending> going = new ArrayList<>();
    try {
      Map<String, Long> seen = lastVersions(batch);
      batch.sort(Comparator.comparing((Pending p) -> p.ordered ? p.event.recordId() : "")
          .thenComparingLong(p -> p.event.recordVersion()));
      for (Pending p : batch) {
        if (!p.ordered) {
          going.add(p);
          continue;
        }
        try {
          p.repeated = !inOrder(p.event, seen.get(p.event.recordId()));
          going.add(p);
          if (p.deletion()) {
            seen.remove(p.event.recordId());
          } else {
            seen.merge(p.event.recordId(), p.event.recordVersion(), Math::max); // the predecessor of the next in this batch
          }
        } catch (RuntimeException e) {
          fail(List.of(p), e);
        }
      }
      // handed over again after it was delivered: do not queue it a second time
      List<Document> again = going.stream().filter(p -> p.repeated || !p.ordered || p.deletion()).flatMap(p -> p.queue.stream()).toList();
      if (!again.isEmpty()) {
        Set<String> finished = deliveries.finished(again.stream().map(d -> d.getString("_id")).toList());
        going.forEach(p -> p.queue.removeIf(d -> finished.contains(d.getString("_id"))));
      }
      List<Document> all = going.stream().flatMap(p -> p.queue.stream()).toList();
      deliveries.enqueue(all);
      advance(going.stream().filter(p -> p.ordered).toList());
      going.forEach(p -> p.done = true);
      if (!all.isEmpty()) {
        queued.run();
      }
    } catch (RuntimeException e) {
      fail(batch.stream().filter(p -> !p.done).toList(), e);
    }
  }

  private static void fail(List<Pending> pending, RuntimeException e) {
    pending.forEach(p -> {
      p.failure = e;
      p.done = true;
    });
  }

  /** The last version fanned out of each ordered record in the batch (absent: none yet). */
  private Map<String, Long> lastVersions(List<Pending> batch) {
    List<String> records = batch.stream().filter(p -> p.ordered).map(p -> p.event.recordId()).distinct().toList();
    Map<String, Long> seen = new HashMap<>();
    if (!records.isEmpty()) { // by _id alone, which the embedded store answers from its index
      order.find(records.size() == 1 ? Filters.eq("_id", records.getFirst()) : Filters.in("_id", records))
          .forEach(d -> seen.put(d.getString("_id"), ((Number) d.get("v")).longValue()));
    }
    return seen;
  }

  /**
   * Whether this is the next version of its record (false: seen before).
   *
   * @param seen the last version fanned out, null if none
   * @throws IllegalStateException if an earlier version has not been fanned out yet
   */
  private boolean inOrder(Event event, @Nullable Long seen) {
    if (event.recordVersion() <= 1) {
      return seen == null;
    }
    long last = seen == null ? 0 : seen;
    if (last >= event.recordVersion()) {
      return false;
    }
    boolean predecessorMissing = seen == null ? earlierStagedIn(event) : last < event.recordVersion() - 1;
    boolean patienceOver = event.at().plus(GAP_PATIENCE).isBefore(clock.instant());
    if (predecessorMissing && !patienceOver) {
      throw new IllegalStateException("Event " + event.id() + " (version " + event.recordVersion() + " of record "
          + event.recordId() + ") waits for an earlier version to be fanned out first");
    }
    if (predecessorMissing) {
      log.warn("Record {} has no event for a version before {}; sending on after {}", event.recordId(), event.recordVersion(), GAP_PATIENCE);
    }
    return true;
  }

  /** A record first seen at version > 1 (it predates the subscriptions): is an earlier event still in its outbox? */
  private boolean earlierStagedIn(Event event) {
    Document record = database.getCollection("records." + event.app() + "." + event.form())
        .find(Filters.eq("_id", new ObjectId(event.recordId()))).projection(new Document(EventOutbox.OUTBOX, 1)).first();
    if (record == null) {
      return false;
    }
    return record.getList(EventOutbox.OUTBOX, Document.class, List.of()).stream()
        .anyMatch(staged -> ((Number) staged.get("recordVersion")).longValue() < event.recordVersion());
  }

  /**
   * Notes each record's new last version, in one write: by _id alone ($max never lowers it, whoever
   * wrote last), as a filter on "v" as well would scan _webhook_order on the embedded store. A
   * deleted record is forgotten.
   */
  private void advance(List<Pending> ordered) {
    Map<String, WriteModel<Document>> byRecord = new LinkedHashMap<>();
    for (Pending p : ordered) { // sorted by version: a record's last one decides
      String id = p.event.recordId();
      byRecord.put(id, p.deletion() ? new DeleteOneModel<>(Filters.eq("_id", id))
          : new UpdateOneModel<>(Filters.eq("_id", id), Updates.max("v", p.event.recordVersion()), new UpdateOptions().upsert(true)));
    }
    if (byRecord.isEmpty()) {
      return;
    }
    List<WriteModel<Document>> writes = new ArrayList<>(byRecord.values());
    try {
      order.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      for (BulkWriteError error : e.getWriteErrors()) {
        if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY
            || !(writes.get(error.getIndex()) instanceof UpdateOneModel<Document> update)) {
          throw e;
        }
        // two upserts raced to create it: it exists now, so this one updates
        order.updateOne(update.getFilter(), update.getUpdate());
      }
    }
  }

  private @Nullable Document rowOwner(Event event) {
    if (event.details().containsKey("createdBy")) { // record events say who owns the row, even after a deletion
      return new Document("createdBy", event.details().get("createdBy")).append("ownerDepartment", event.details().get("ownerDepartment"));
    }
    return database.getCollection("records." + event.app() + "." + event.form())
        .find(Filters.eq("_id", new ObjectId(event.recordId()))).projection(new Document("createdBy", 1).append("ownerDepartment", 1)).first();
  }

  private static <T> Supplier<@Nullable T> memo(Supplier<@Nullable T> source) {
    return new Supplier<>() {
      private boolean done;
      private @Nullable T value;

      @Override
      public synchronized @Nullable T get() {
        if (!done) {
          value = source.get();
          done = true;
        }
        return value;
      }
    };
  }
}
