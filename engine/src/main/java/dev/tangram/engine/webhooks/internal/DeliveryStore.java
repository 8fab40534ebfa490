package dev.tangram.engine.webhooks.internal;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import dev.tangram.engine.webhooks.Delivery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * Deliveries in two collections: {@code _webhook_queue} holds only pending ones (so the worker's
 * queries stay small even on a store that cannot use secondary indexes), {@code _webhook_deliveries}
 * the finished ones (delivered or dead) with their attempt log. A delivery's id is derived from its
 * event and subscription, so fanning out the same event twice cannot queue it twice.
 *
 * <p>Every queued delivery carries a {@code lease} token of its own, unique (index), replaced by
 * each claim and each failed attempt, and naming the time from which the delivery may be claimed
 * (when it is due, or when its lease runs out). A claim is a compare-and-set on a token the
 * claimer read and found claimable: it succeeds only if nobody claimed or retried the delivery
 * since. The token alone decides, because the embedded store may hand out a document that a later
 * write changed while it was being sent (its other fields may be newer than the filter saw).
 * Results are recorded by the token, so only while the claim still holds. Both are lookups of the
 * unique index, which the embedded store serves without scanning the queue (it uses an index only
 * for a filter on exactly that index's field).
 */
public final class DeliveryStore {

  static final Date NEVER = new Date(0);
  static final String LEASE = "lease";

  private final MongoCollection<Document> queue;
  private final MongoCollection<Document> done;

  public DeliveryStore(MongoDatabase database) {
    this.queue = database.getCollection("_webhook_queue");
    this.done = database.getCollection("_webhook_deliveries");
    // Deliveries queued before leases were tokens of their own get one (a scan, once per start); a
    // lease an older node still holds is honoured until it runs out.
    List<Document> untokened = new ArrayList<>();
    queue.find().projection(new Document(LEASE, 1).append("nextAt", 1).append("leaseUntil", 1))
        .forEach(d -> {
          if (!(d.get(LEASE) instanceof String t && isToken(t))) {
            untokened.add(d);
          }
        });
    for (Document d : untokened) {
      Date from = d.getDate("nextAt") == null || d.getDate("leaseUntil") != null && d.getDate("leaseUntil").after(d.getDate("nextAt"))
          ? d.getDate("leaseUntil") : d.getDate("nextAt");
      queue.updateOne(Filters.and(Filters.eq("_id", d.get("_id")), d.get(LEASE) == null ? Filters.exists(LEASE, false) : Filters.eq(LEASE, d.get(LEASE))),
          Updates.set(LEASE, token(from == null ? Instant.EPOCH : from.toInstant())));
    }
    queue.createIndex(Indexes.ascending(LEASE), new IndexOptions().unique(true).sparse(true));
  }

  /** A fresh lease token, unique across nodes: the time from which it may be claimed, then an object id. */
  static String token(Instant claimableFrom) {
    return String.format("%012x-%s", Math.max(0, claimableFrom.toEpochMilli()), new ObjectId().toHexString());
  }

  private static boolean isToken(String token) {
    return token.length() == 37 && token.charAt(12) == '-';
  }

  /** Whether a delivery whose token this is may be claimed at {@code now}. */
  static boolean claimable(@Nullable Object token, Instant now) {
    return token instanceof String t && isToken(t) && Long.parseLong(t, 0, 12, 16) <= now.toEpochMilli();
  }

  /** The id, also the {@code webhook-id}: {@code msg_} + event id + subscription id. */
  public static String idOf(ObjectId event, String subscription) {
    return "msg_" + event.toHexString() + subscription;
  }

  /** Queues new deliveries; ones queued before are skipped. */
  public void enqueue(List<Document> deliveries) {
    if (deliveries.isEmpty()) {
      return;
    }
    try {
      queue.insertMany(deliveries, new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      if (e.getWriteErrors().stream().anyMatch(w -> ErrorCategory.fromErrorCode(w.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
        throw e;
      }
    }
  }

  public static Document newDelivery(String id, String subscription, String app, ObjectId event, String type,
      @Nullable String recordId, long seq, String body, Instant createdAt, Instant now) {
    return new Document("_id", id).append("sub", subscription).append("app", app).append("event", event.toHexString())
        .append("type", type).append("recordId", recordId).append("seq", seq)
        .append("orderKey", recordId != null ? recordId : event.toHexString()).append("body", body)
        .append("createdAt", Date.from(createdAt)).append("attempts", 0).append("round", 0)
        .append("nextAt", Date.from(now)).append("leaseUntil", NEVER).append(LEASE, token(now)).append("log", List.of());
  }

  /** Whether any of these ids has finished already (a repeated fan-out after delivery). */
  public Set<String> finished(List<String> ids) {
    Set<String> found = new HashSet<>();
    for (String id : ids) {
      if (done.find(Filters.eq("_id", id)).projection(new Document("_id", 1)).first() != null) {
        found.add(id);
      }
    }
    return found;
  }

  /** Forgets the waiting deliveries of a deleted subscription. */
  public void dropQueued(String subscription) {
    queue.deleteMany(Filters.eq("sub", subscription));
  }

  /**
   * Leases up to {@code limit} due deliveries of one subscription to this node. Per record only the
   * oldest pending delivery is eligible, so a record's deliveries go out one after the other.
   */
  public List<Document> claim(String subscription, int limit, Instant now, Instant leaseUntil, String node) {
    List<Document> candidates = new ArrayList<>();
    // No sort: on the embedded store a sort scans the whole queue, while natural (insertion) order
    // lets the scan stop after a few matches. Order within a record is enforced by the heads below.
    queue.find(Filters.and(Filters.eq("sub", subscription), due(now))).limit(limit * 4).forEach(candidates::add);
    candidates.removeIf(c -> c.get(LEASE) != null && !claimable(c.get(LEASE), now)); // taken or retried since the filter saw it
    if (candidates.isEmpty()) {
      return List.of();
    }
    Set<Object> keys = new HashSet<>();
    candidates.stream().filter(c -> ((Number) c.get("seq")).longValue() > 1).forEach(c -> keys.add(c.get("orderKey")));
    Map<Object, Document> heads = new HashMap<>();
    candidates.stream().filter(c -> !keys.contains(c.get("orderKey"))) // a first version has nothing before it
        .forEach(c -> heads.merge(c.get("orderKey"), c, (a, b) -> a.getString("_id").compareTo(b.getString("_id")) <= 0 ? a : b));
    Comparator<Document> order = Comparator.<Document>comparingLong(d -> ((Number) d.get("seq")).longValue())
        .thenComparing(d -> d.getString("_id"));
    if (!keys.isEmpty()) {
      queue.find(Filters.and(Filters.eq("sub", subscription), Filters.in("orderKey", keys)))
          .projection(new Document("orderKey", 1).append("seq", 1))
          .forEach(d -> heads.merge(d.get("orderKey"), d, (a, b) -> order.compare(a, b) <= 0 ? a : b));
    }
    List<String> eligible = new ArrayList<>();
    for (Document c : candidates) {
      Document head = heads.get(c.get("orderKey"));
      if (head != null && head.getString("_id").equals(c.getString("_id")) && eligible.size() < limit) {
        eligible.add(c.getString("_id"));
      }
    }
    if (eligible.isEmpty()) {
      return List.of();
    }
    Date until = Date.from(leaseUntil);
    // One write for the batch, a compare-and-set per delivery on the token read with it: a delivery
    // another node claimed or retried meanwhile has another token and is not taken again. (Without
    // a token, from a node of an older version: its own fields decide, which costs a scan.)
    Map<String, Document> byId = new HashMap<>();
    candidates.forEach(c -> byId.put(c.getString("_id"), c));
    List<UpdateOneModel<Document>> writes = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    for (String id : eligible) {
      Object seen = byId.get(id).get(LEASE);
      String mine = token(leaseUntil);
      tokens.add(mine);
      Bson unchanged = seen != null ? Filters.eq(LEASE, seen) : Filters.and(Filters.eq("_id", id), Filters.exists(LEASE, false), due(now));
      writes.add(new UpdateOneModel<>(unchanged, Updates.combine(Updates.set(LEASE, mine), Updates.set("leaseUntil", until), Updates.set("node", node))));
    }
    int won = queue.bulkWrite(writes, new BulkWriteOptions().ordered(false)).getModifiedCount();
    List<Document> claimed = new ArrayList<>();
    if (won == eligible.size()) {
      for (int i = 0; i < eligible.size(); i++) {
        claimed.add(byId.get(eligible.get(i)).append(LEASE, tokens.get(i)).append("leaseUntil", until).append("node", node));
      }
    } else if (won > 0) { // another node took some in between: ask which are ours
      queue.find(Filters.in(LEASE, tokens)).forEach(claimed::add);
      claimed.sort(Comparator.comparingInt(d -> eligible.indexOf(d.getString("_id"))));
    }
    return claimed;
  }

  /**
   * Successful or final attempts, in one batch: the finished copies are written first, then the
   * deliveries leave the queue (only where this node still holds the lease).
   */
  public void finishAll(List<Document> finished) {
    if (finished.isEmpty()) {
      return;
    }
    List<ReplaceOneModel<Document>> writes = new ArrayList<>();
    for (Document f : finished) {
      Document copy = new Document(f);
      copy.remove(LEASE);
      copy.remove("leaseUntil");
      copy.remove("nextAt");
      writes.add(new ReplaceOneModel<>(Filters.eq("_id", f.getString("_id")), copy, new ReplaceOptions().upsert(true)));
    }
    done.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    // Out of the queue only where this node still holds the lease (its token is still there).
    queue.deleteMany(Filters.in(LEASE, finished.stream().map(f -> f.getString(LEASE)).toList()));
  }

  /** The finished form of a claimed delivery after its last attempt. */
  public static Document finished(Document claimed, String state, Document attempt, Instant now) {
    Document finished = new Document(claimed);
    List<Document> log = new ArrayList<>(claimed.getList("log", Document.class, List.of()));
    log.add(attempt);
    return finished.append("state", state).append("attempts", claimed.getInteger("attempts") + 1).append("log", log)
        .append("finishedAt", Date.from(now));
  }

  /** A successful or final attempt: the delivery moves to the finished collection. */
  public boolean finish(Document claimed, String state, Document attempt, Instant now) {
    Document finished = new Document(claimed);
    List<Document> log = new ArrayList<>(claimed.getList("log", Document.class, List.of()));
    log.add(attempt);
    finished.append("state", state).append("attempts", claimed.getInteger("attempts") + 1).append("log", log)
        .append("finishedAt", Date.from(now));
    finished.remove(LEASE);
    finished.remove("leaseUntil");
    finished.remove("nextAt");
    // Finished copy first, then out of the queue: a crash in between sends it once more, never loses it.
    done.replaceOne(Filters.eq("_id", claimed.getString("_id")), finished, new ReplaceOptions().upsert(true));
    return queue.deleteOne(Filters.eq(LEASE, claimed.getString(LEASE)))
        .getDeletedCount() == 1; // 0: the lease ran out and another node took over
  }

  /** A failed attempt with another one to come at {@code nextAt}. */
  public boolean retryLater(Document claimed, Document attempt, Instant nextAt) {
    return queue.updateOne(Filters.eq(LEASE, claimed.getString(LEASE)),
        Updates.combine(Updates.inc("attempts", 1), Updates.push("log", attempt), Updates.set("nextAt", Date.from(nextAt)),
            Updates.set("leaseUntil", NEVER), Updates.set(LEASE, token(nextAt)))).getModifiedCount() == 1;
  }

  /** Sends a finished delivery again: back in the queue, with a fresh retry schedule. */
  public Optional<Document> redeliver(String subscription, String id, Instant now) {
    Document finished = done.find(Filters.and(Filters.eq("_id", id), Filters.eq("sub", subscription))).first();
    if (finished == null) {
      Document queued = queue.find(Filters.and(Filters.eq("_id", id), Filters.eq("sub", subscription))).first();
      if (queued != null) {
        // due now, with a token that says so; not while a node holds it (it is being sent anyway)
        queue.updateOne(Filters.and(Filters.eq("_id", id), Filters.lte("leaseUntil", Date.from(now))),
            Updates.combine(Updates.set("nextAt", Date.from(now)), Updates.set(LEASE, token(now))));
      }
      return Optional.ofNullable(queued);
    }
    Document again = new Document(finished);
    again.remove("state");
    again.remove("finishedAt");
    again.append("round", finished.getInteger("attempts")).append("nextAt", Date.from(now)).append("leaseUntil", NEVER).append(LEASE, token(now));
    try {
      queue.insertOne(again);
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
    }
    return Optional.of(again);
  }

  /** Pending and finished deliveries of a subscription, newest first. */
  public List<Delivery> page(String subscription, @Nullable String state, int page, int size) {
    Map<String, Delivery> byId = new LinkedHashMap<>();
    if (state == null || Delivery.PENDING.equals(state)) {
      queue.find(Filters.eq("sub", subscription)).projection(new Document("body", 0))
          .forEach(d -> byId.put(d.getString("_id"), toDelivery(d, Delivery.PENDING)));
    }
    if (state == null || !Delivery.PENDING.equals(state)) {
      Bson filter = state == null ? Filters.eq("sub", subscription) : Filters.and(Filters.eq("sub", subscription), Filters.eq("state", state));
      done.find(filter).projection(new Document("body", 0))
          .forEach(d -> byId.merge(d.getString("_id"), toDelivery(d, d.getString("state")),
              (queued, finished) -> finished.attempts() > queued.attempts() ? finished : queued)); // mid-move or redelivered
    }
    return byId.values().stream().sorted(Comparator.comparing(Delivery::id).reversed())
        .skip((long) page * size).limit(size).toList();
  }

  public long pendingCount() {
    return queue.countDocuments();
  }

  /** Finished deliveries older than {@code before} are forgotten. */
  public void purgeFinished(Instant before) {
    done.deleteMany(Filters.lt("finishedAt", Date.from(before)));
  }

  private static Bson due(Instant now) {
    Date at = Date.from(now);
    return Filters.and(Filters.lte("nextAt", at), Filters.lte("leaseUntil", at));
  }

  private static Delivery toDelivery(Document d, String state) {
    List<Delivery.Attempt> log = new ArrayList<>();
    for (Document a : d.getList("log", Document.class, List.of())) {
      log.add(new Delivery.Attempt(a.getInteger("n"), a.getDate("at").toInstant(), a.getInteger("status"),
          ((Number) a.get("ms")).longValue(), a.getString("excerpt"), a.getString("node")));
    }
    Date next = d.getDate("nextAt");
    Date finished = d.getDate("finishedAt");
    return new Delivery(d.getString("_id"), d.getString("sub"), d.getString("event"), d.getString("type"),
        d.getString("recordId"), ((Number) d.get("seq")).longValue(), state, d.getInteger("attempts"),
        Delivery.PENDING.equals(state) && next != null ? next.toInstant() : null, d.getDate("createdAt").toInstant(),
        Delivery.DELIVERED.equals(state) && finished != null ? finished.toInstant() : null, log);
  }
}
