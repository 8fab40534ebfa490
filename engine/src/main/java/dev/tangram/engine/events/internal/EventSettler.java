package dev.tangram.engine.events.internal;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import dev.tangram.engine.events.EventOutbox;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's last steps, off the writer's thread: stores handed-over events in {@code _events},
 * pulls them from the outboxes of the records that staged them, and drops their markers in
 * {@code _events_open}. Group commit: whatever writers queued while the previous batch was written
 * goes in one insert, one update per record collection and one delete, however many writers there
 * were. The writer has written the markers and handed the events to the consumers before it queues
 * them here, so nothing is lost if the node dies first: recovery finishes from the markers. For the
 * same reason a failure here is only logged.
 */
public final class EventSettler implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EventSettler.class);

  /**
   * One handed-over event.
   *
   * @param stored the event as it goes into {@code _events}: closed, or open with who is pending
   * @param taken the consumers that took it
   * @param records the collection of the record whose outbox holds it, null for a published event
   */
  public record Settling(Document stored, List<String> taken, @Nullable MongoCollection<Document> records,
      @Nullable ObjectId recordId) {

    ObjectId id() {
      return stored.getObjectId("_id");
    }
  }

  /** What to do with an event that was stored before (by recovery, or relayed twice): returns whether no consumer is pending. */
  @FunctionalInterface
  public interface StoredBefore {
    boolean merge(ObjectId id, List<String> taken);
  }

  private final MongoCollection<Document> events;
  private final MongoCollection<Document> open;
  private final StoredBefore storedBefore;
  private final boolean running;
  /**
   * At most one thread, gone when idle: an outbox nobody closes (a second node in a test, a tool)
   * then leaves no parked thread behind.
   */
  private final ThreadPoolExecutor thread = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
    Thread t = new Thread(r, "tangram-event-settler");
    t.setDaemon(true);
    return t;
  });
  /** Guarded by this, as are the fields below. */
  private final List<Settling> queue = new ArrayList<>();
  private boolean draining;
  private boolean closed;
  private long queued;
  private long written;

  /** @param running false for a node that dies before it settles anything (tests of recovery) */
  public EventSettler(MongoCollection<Document> events, MongoCollection<Document> open, StoredBefore storedBefore, boolean running) {
    this.events = events;
    this.open = open;
    this.storedBefore = storedBefore;
    this.running = running;
    thread.allowCoreThreadTimeOut(true);
  }

  /** Queues handed-over events; the documents must not change after this call. Never throws. */
  public void enqueue(List<Settling> work) {
    if (!running || work.isEmpty()) {
      return;
    }
    synchronized (this) {
      if (!closed) {
        queue.addAll(work);
        queued += work.size();
        if (!draining) {
          draining = true;
          thread.execute(this::drain);
        }
        return;
      }
    }
    writeQuietly(work); // closed: nobody drains any more, so the writer settles its own
  }

  /** Blocks until everything queued before this call is written (or has failed, and is left to recovery). */
  public void settle() {
    synchronized (this) {
      long target = queued;
      while (written < target) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Settles everything queued; events handed over afterwards are settled on their writer's thread. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
    }
    settle();
    thread.shutdown();
  }

  private void drain() {
    for (List<Settling> batch = next(0); !batch.isEmpty(); batch = next(batch.size())) {
      writeQuietly(batch);
    }
  }

  /** Counts the last batch written and takes what was queued meanwhile; empty when there is nothing, and then stops draining. */
  private synchronized List<Settling> next(int done) {
    written += done;
    notifyAll();
    if (queue.isEmpty()) {
      draining = false;
      return List.of();
    }
    List<Settling> batch = new ArrayList<>(queue);
    queue.clear();
    return batch;
  }

  private void writeQuietly(List<Settling> batch) {
    try {
      write(batch);
    } catch (RuntimeException e) {
      log.warn("Settling {} events failed; recovery will finish them from their markers", batch.size(), e);
    }
  }

  /** Store, then pull from the records, then drop the markers: a record gives up its event only once it is stored. */
  private void write(List<Settling> batch) {
    Set<ObjectId> stored = new HashSet<>();
    Set<ObjectId> settled = new HashSet<>();
    store(batch, stored, settled);
    pullFromRecords(batch, stored, settled);
    if (settled.size() == 1) {
      open.deleteOne(Filters.eq("_id", settled.iterator().next()));
    } else if (!settled.isEmpty()) {
      open.deleteMany(Filters.in("_id", settled));
    }
  }

  /** Inserts the batch into {@code _events}; notes which events are stored and which are settled (no consumer pending). */
  private void store(List<Settling> batch, Set<ObjectId> stored, Set<ObjectId> settled) {
    List<Settling> before = new ArrayList<>();
    Set<Integer> failed = new HashSet<>();
    try {
      events.insertMany(batch.stream().map(Settling::stored).toList(), new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      if (e.getWriteConcernError() != null) {
        throw e;
      }
      for (BulkWriteError error : e.getWriteErrors()) {
        failed.add(error.getIndex());
        if (ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY) {
          before.add(batch.get(error.getIndex()));
        } else {
          log.warn("Storing event {} failed; recovery will finish it: {}", batch.get(error.getIndex()).id(), error.getMessage());
        }
      }
    }
    for (int i = 0; i < batch.size(); i++) {
      Settling s = batch.get(i);
      if (!failed.contains(i)) {
        stored.add(s.id());
        if (!s.stored().containsKey("open")) {
          settled.add(s.id());
        }
      }
    }
    for (Settling s : before) { // rare: recovery stored it meanwhile, or it was queued twice
      stored.add(s.id());
      if (storedBefore.merge(s.id(), s.taken())) {
        settled.add(s.id());
      }
    }
  }

  /**
   * Pulls the stored events from their records' outboxes: one update per record, one command per
   * collection. Where that fails the markers stay, so the events are not forgotten while their
   * records still hold them.
   */
  private void pullFromRecords(List<Settling> batch, Set<ObjectId> stored, Set<ObjectId> settled) {
    Map<String, MongoCollection<Document>> collections = new LinkedHashMap<>();
    Map<String, Map<ObjectId, List<ObjectId>>> pulls = new LinkedHashMap<>(); // collection -> record -> its events
    for (Settling s : batch) {
      if (s.records() != null && s.recordId() != null && stored.contains(s.id())) {
        String name = s.records().getNamespace().getFullName();
        collections.putIfAbsent(name, s.records());
        pulls.computeIfAbsent(name, n -> new LinkedHashMap<>()).computeIfAbsent(s.recordId(), r -> new ArrayList<>()).add(s.id());
      }
    }
    pulls.forEach((name, byRecord) -> {
      List<WriteModel<Document>> writes = new ArrayList<>();
      byRecord.forEach((record, ids) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", record), Updates.pull(EventOutbox.OUTBOX, Filters.in("_id", ids)))));
      try {
        collections.get(name).bulkWrite(writes, new BulkWriteOptions().ordered(false));
      } catch (RuntimeException e) {
        log.warn("Pulling settled events from the records of {} failed; recovery will finish them", name, e);
        byRecord.values().forEach(settled::removeAll);
      }
    });
  }
}
