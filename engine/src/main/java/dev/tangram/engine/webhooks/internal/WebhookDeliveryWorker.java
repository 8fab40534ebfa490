package dev.tangram.engine.webhooks.internal;

import dev.tangram.engine.webhooks.Delivery;
import dev.tangram.engine.webhooks.Subscription;
import dev.tangram.engine.webhooks.WebhookSettings;
import dev.tangram.engine.webhooks.WebhookSignature;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends queued deliveries. One polling thread leases due deliveries per subscription (each lease is
 * taken by exactly one node, so two nodes never make the same attempt) and hands each to a virtual
 * thread. Every subscription has its own cap of requests in flight, so a slow or dead receiver
 * only ever holds its own slots and delays nobody else; every request has a deadline.
 *
 * <p>A pass leases up to twice the cap per subscription: what does not fit in the free slots waits
 * here and goes out as soon as a slot frees, without waiting for the next pass (whose store round
 * trips queue behind the writers' on a busy store). A waiting delivery is sent only while its lease
 * outlasts a whole request; otherwise it is left to run out, and the delivery is leased again.
 */
public final class WebhookDeliveryWorker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WebhookDeliveryWorker.class);

  private final DeliveryStore deliveries;
  private final SubscriptionStore subscriptions;
  private final OutboundAddressGuard guard;
  private final WebhookHttpSender sender;
  private final RetrySchedule schedule;
  private final WebhookSettings settings;
  private final Clock clock;
  private final String node;
  private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
  /** Leased deliveries per subscription waiting for a free slot. */
  private final Map<String, java.util.concurrent.ConcurrentLinkedQueue<Document>> waiting = new ConcurrentHashMap<>();
  /** Finished deliveries waiting to be moved out of the queue in one batch by the poller. */
  private final java.util.concurrent.ConcurrentLinkedQueue<Document> finished = new java.util.concurrent.ConcurrentLinkedQueue<>();
  private static final long MIN_PASS_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(10);
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();
  private boolean woken;
  private @Nullable ExecutorService senders;
  private @Nullable Thread poller;
  private volatile boolean running;

  public WebhookDeliveryWorker(DeliveryStore deliveries, SubscriptionStore subscriptions, OutboundAddressGuard guard,
      WebhookSettings settings, Clock clock, String node) {
    this.deliveries = deliveries;
    this.subscriptions = subscriptions;
    this.guard = guard;
    this.settings = settings;
    this.clock = clock;
    this.node = node;
    this.sender = new WebhookHttpSender(settings.connectTimeout(), settings.requestTimeout());
    this.schedule = new RetrySchedule(settings.retryDelays(), settings.jitter());
  }

  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    senders = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("tangram-webhook-send-", 0).factory());
    poller = Thread.ofPlatform().daemon().name("tangram-webhook-poller-" + node).start(this::pollLoop);
  }

  /** New deliveries were queued: look now rather than at the next poll. */
  public void wakeUp() {
    lock.lock();
    try {
      woken = true;
      wake.signal();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public synchronized void close() {
    running = false;
    wakeUp();
    if (poller != null) {
      poller.interrupt();
      try {
        poller.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (senders != null) {
      senders.shutdownNow();
      try {
        senders.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    flushFinished();
    sender.close();
  }

  private void pollLoop() {
    while (running) {
      long passStarted = System.nanoTime();
      try {
        flushFinished();
        pollOnce();
      } catch (RuntimeException e) {
        log.warn("Webhook delivery poll failed; trying again", e);
      }
      // at most one pass per 10 ms, so completions and new deliveries are claimed in batches
      long rest = MIN_PASS_NANOS - (System.nanoTime() - passStarted);
      if (rest > 0) {
        java.util.concurrent.locks.LockSupport.parkNanos(rest);
      }
      lock.lock();
      try {
        if (!woken && running) {
          wake.await(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
        woken = false;
      } catch (InterruptedException e) {
        return;
      } finally {
        lock.unlock();
      }
    }
  }

  private void flushFinished() {
    List<Document> batch = new java.util.ArrayList<>();
    for (Document d; (d = finished.poll()) != null; ) {
      batch.add(d);
    }
    try {
      deliveries.finishAll(batch);
    } catch (RuntimeException e) {
      log.warn("Recording {} finished webhook deliveries failed; their leases run out and they are sent again", batch.size(), e);
    }
  }

  /** One pass: lease what is due for each enabled subscription with room, and send what fits its free slots. */
  void pollOnce() {
    Instant now = clock.instant();
    for (SubscriptionStore.Stored sub : subscriptions.allCached()) {
      String id = sub.subscription().id();
      if (!sub.subscription().enabled()) {
        continue; // disabled: its deliveries wait (re-enabling resumes them); a deleted one's are never claimed
      }
      if (senders == null || !running) {
        return;
      }
      AtomicInteger busy = inFlight.computeIfAbsent(id, k -> new AtomicInteger());
      java.util.concurrent.ConcurrentLinkedQueue<Document> queued = waiting.computeIfAbsent(id, k -> new java.util.concurrent.ConcurrentLinkedQueue<>());
      int room = 2 * settings.maxInFlightPerEndpoint() - busy.get() - queued.size();
      if (room > 0) {
        queued.addAll(deliveries.claim(id, room, now, now.plus(settings.lease()), node));
      }
      pump(sub, busy, queued);
    }
  }

  /** Sends waiting deliveries of one subscription while it has free slots. */
  private void pump(SubscriptionStore.Stored sub, AtomicInteger busy, java.util.concurrent.ConcurrentLinkedQueue<Document> queued) {
    ExecutorService pool = senders;
    while (pool != null && running) {
      int slots = busy.get();
      if (slots >= settings.maxInFlightPerEndpoint() || !busy.compareAndSet(slots, slots + 1)) {
        if (slots >= settings.maxInFlightPerEndpoint()) {
          return;
        }
        continue;
      }
      Document delivery = queued.poll();
      Instant latestStart = delivery == null ? null : delivery.getDate("leaseUntil").toInstant().minus(settings.requestTimeout());
      if (delivery == null || clock.instant().isAfter(latestStart)) {
        busy.decrementAndGet();
        if (delivery == null) {
          return;
        }
        continue; // its lease could run out mid-request: left to run out and be leased again
      }
      try {
        pool.execute(() -> {
          try {
            attempt(sub, delivery);
          } catch (RuntimeException e) {
            log.warn("Webhook delivery {} failed unexpectedly; its lease will run out and it is tried again", delivery.get("_id"), e);
          } finally {
            busy.decrementAndGet();
            Optional<SubscriptionStore.Stored> now = subscriptions.cached(sub.subscription().id());
            if (now.isPresent() && now.get().subscription().enabled()) {
              pump(now.get(), busy, queued); // the next waiting one takes the slot at once
            } else {
              queued.clear(); // disabled or deleted meanwhile: their leases run out
            }
            wakeUp(); // a record's next delivery may now be due
          }
        });
      } catch (java.util.concurrent.RejectedExecutionException closing) {
        busy.decrementAndGet();
        return;
      }
    }
  }

  /** Makes one attempt and records it; visible to tests that drive the worker by hand. */
  void attempt(SubscriptionStore.Stored stored, Document delivery) {
    Subscription s = stored.subscription();
    String id = delivery.getString("_id");
    String body = delivery.getString("body");
    int number = delivery.getInteger("attempts") + 1;
    Instant started = clock.instant();
    long t0 = System.nanoTime();
    int status = 0;
    String excerpt;
    String retryAfter = null;
    try {
      URI url = URI.create(s.url());
      InetAddress address = guard.resolve(url); // again at send time: DNS may have changed since the save
      long timestamp = started.getEpochSecond();
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("webhook-id", id);
      headers.put("webhook-timestamp", Long.toString(timestamp));
      headers.put("webhook-signature", WebhookSignature.sign(stored.secret(), id, timestamp, body));
      WebhookHttpSender.Response response = sender.post(url, address, headers, body.getBytes(StandardCharsets.UTF_8));
      status = response.status();
      excerpt = response.excerpt();
      retryAfter = response.retryAfter();
    } catch (OutboundAddressGuard.RefusedAddressException e) {
      excerpt = "Refused: " + e.getMessage();
    } catch (IOException | IllegalArgumentException e) {
      excerpt = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    long latency = Duration.ofNanos(System.nanoTime() - t0).toMillis();
    Document attempt = new Document("n", number).append("at", java.util.Date.from(started)).append("status", status)
        .append("ms", latency).append("excerpt", excerpt.length() > WebhookHttpSender.EXCERPT_BYTES
            ? excerpt.substring(0, WebhookHttpSender.EXCERPT_BYTES) : excerpt).append("node", node);
    record(s, delivery, status, retryAfter, attempt, number);
  }

  private void record(Subscription s, Document delivery, int status, @Nullable String retryAfter, Document attempt, int number) {
    Instant now = clock.instant();
    if (status >= 200 && status < 300) {
      finished.add(DeliveryStore.finished(delivery, Delivery.DELIVERED, attempt, now));
      return;
    }
    if (status == 410) {
      subscriptions.disable(s.id(), "The receiver answered 410 Gone at " + now);
      log.warn("Webhook {} disabled: {} answered 410 Gone", s.id(), s.url());
      deliveries.finish(delivery, Delivery.DEAD, attempt, now);
      return;
    }
    int failedThisRound = number - delivery.getInteger("round", 0);
    Optional<Instant> next = schedule.next(failedThisRound, now, retryAfter);
    if (next.isEmpty()) {
      log.warn("Webhook delivery {} to {} is dead after {} attempts", delivery.get("_id"), s.url(), number);
      deliveries.finish(delivery, Delivery.DEAD, attempt, now);
    } else {
      deliveries.retryLater(delivery, attempt, next.get());
    }
  }
}
