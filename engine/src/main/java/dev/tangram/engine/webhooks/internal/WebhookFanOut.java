package dev.tangram.engine.webhooks.internal;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.tangram.engine.events.Event;
import dev.tangram.engine.events.EventConsumer;
import dev.tangram.engine.events.EventOutbox;
import dev.tangram.engine.events.EventTypes;
import dev.tangram.engine.webhooks.Subscription;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

  @Override
  public void accept(Event event) {
    List<Subscription> matching = subscriptions.ofApp(event.app()).stream().map(SubscriptionStore.Stored::subscription)
        .filter(s -> s.events().contains(event.type()) && (s.form() == null || s.form().equals(event.form()))).toList();
    boolean ordered = event.recordId() != null && event.type().startsWith("record.");
    if (matching.isEmpty() && (!ordered || subscriptions.ofApp(event.app()).isEmpty())) {
      return;
    }
    boolean repeated = ordered && !inOrder(event);
    List<Document> queue = new ArrayList<>();
    Supplier<@Nullable Document> row = memo(() -> rowOwner(event));
    java.util.Map<String, Optional<String>> byOwner = new java.util.HashMap<>(); // the payload depends only on the owner
    for (Subscription s : matching) {
      Optional<String> body = byOwner.computeIfAbsent(s.owner(), owner -> payloads.bodyFor(s, event, row));
      body.ifPresent(b -> queue.add(DeliveryStore.newDelivery(DeliveryStore.idOf(event.id(), s.id()), s.id(), event.app(),
          event.id(), event.type(), event.recordId(), event.recordVersion(), b, event.at(), clock.instant())));
    }
    if (repeated || !ordered || EventTypes.RECORD_DELETED.equals(event.type())) { // handed over again after it was delivered: do not queue it a second time
      Set<String> finished = deliveries.finished(queue.stream().map(d -> d.getString("_id")).toList());
      queue.removeIf(d -> finished.contains(d.getString("_id")));
    }
    deliveries.enqueue(queue);
    if (ordered) {
      advance(event);
    }
    if (!queue.isEmpty()) {
      queued.run();
    }
  }

  /**
   * Whether this is the next version of its record (false: seen before).
   *
   * @throws IllegalStateException if an earlier version has not been fanned out yet
   */
  private boolean inOrder(Event event) {
    if (event.recordVersion() <= 1) {
      return order.find(Filters.eq("_id", event.recordId())).first() == null;
    }
    Document last = order.find(Filters.eq("_id", event.recordId())).first();
    long seen = last == null ? 0 : ((Number) last.get("v")).longValue();
    if (seen >= event.recordVersion()) {
      return false;
    }
    boolean predecessorMissing = last == null ? earlierStagedIn(event) : seen < event.recordVersion() - 1;
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

  private void advance(Event event) {
    if (EventTypes.RECORD_DELETED.equals(event.type())) {
      order.deleteOne(Filters.eq("_id", event.recordId()));
      return;
    }
    // By _id alone ($max never lowers it, whoever wrote last): a filter on "v" as well would scan
    // _webhook_order, one document per record ever fanned out, on the embedded store.
    try {
      order.updateOne(Filters.eq("_id", event.recordId()), Updates.max("v", event.recordVersion()), new UpdateOptions().upsert(true));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      // two upserts raced to create it: it exists now, so this one updates
      order.updateOne(Filters.eq("_id", event.recordId()), Updates.max("v", event.recordVersion()));
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
