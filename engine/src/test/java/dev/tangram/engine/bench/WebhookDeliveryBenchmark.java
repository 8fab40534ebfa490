package dev.tangram.engine.bench;

import static dev.tangram.engine.testing.Fixtures.json;

import dev.tangram.engine.access.AccessPolicy;
import dev.tangram.engine.access.Actor;
import dev.tangram.engine.access.DirectoryUser;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.events.EventOutbox;
import dev.tangram.engine.records.RecordService;
import dev.tangram.engine.testing.EmbeddedMongo;
import dev.tangram.engine.webhooks.LocalReceiver;
import dev.tangram.engine.webhooks.WebhookSettings;
import dev.tangram.engine.webhooks.Webhooks;
import dev.tangram.engine.webhooks.internal.WebhookHttpSender;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Webhook delivery on the embedded default store (mongo-java-server, H2 backend) to a receiver on
 * 127.0.0.1: records are written as fast as {@code -Dbench.writers} threads can for
 * {@code -Dbench.seconds}, each fanned out to {@code -Dbench.subs} subscriptions; halfway through
 * the node is stopped hard (worker and relay gone, in-flight attempts abandoned) and a fresh node
 * takes over. Reported: sustained deliveries per second, commit→delivery latency (median, p99),
 * and events lost (committed records without a delivery: must be 0). Baseline in the same run: the
 * same HTTP client posting the same bodies to the same receiver with the same concurrency, no store.
 */
@Tag("bench")
class WebhookDeliveryBenchmark {

  static final Actor ADMIN = Actor.user("admin", Set.of("ADMIN"), List.of());
  static final int SECONDS = Integer.getInteger("bench.seconds", 30);
  static final int WRITERS = Integer.getInteger("bench.writers", 2);
  static final int SUBS = Integer.getInteger("bench.subs", 2);
  static final int IN_FLIGHT = 16;

  @Test
  void deliveriesPerSecondLatencyAndNothingLostAcrossARestart() throws Exception {
    try (EmbeddedMongo mongo = BenchSupport.embeddedH2(); LocalReceiver receiver = new LocalReceiver()) {
      mongo.directory.saveUser(new DirectoryUser("admin", "Admin", null, null, List.of(), List.of("ADMIN"), true), true);
      mongo.apps.create("bench", null, null, "admin");
      mongo.forms.create("bench", json("{'key':'order','name':'Order','fields':[{'key':'title','type':'text','required':true},"
          + "{'key':'amount','type':'money'},{'key':'customer','type':'text'}]}"), "admin");
      mongo.forms.publish("bench", "order", "admin");
      mongo.apps.create("plain", null, null, "admin");
      mongo.forms.create("plain", json("{'key':'plain','name':'Plain','fields':[{'key':'title','type':'text','required':true},"
          + "{'key':'amount','type':'money'},{'key':'customer','type':'text'}]}"), "admin");
      mongo.forms.publish("plain", "plain", "admin");

      double baseline = baseline(receiver);
      Map<String, Long> latencyMs = new ConcurrentHashMap<>(); // webhook-id -> first arrival minus commit
      Map<String, Set<String>> deliveredRecords = new ConcurrentHashMap<>(); // record id -> webhook-ids received
      AtomicInteger arrivals = new AtomicInteger();
      receiver.answer("/bench", r -> {
        long now = System.currentTimeMillis();
        JsonNode body = Json.MAPPER.readTree(r.body());
        latencyMs.putIfAbsent(r.id(), now - Instant.parse(body.at("/data/event/at").asString()).toEpochMilli());
        deliveredRecords.computeIfAbsent(body.at("/data/event/recordId").asString(), k -> ConcurrentHashMap.newKeySet()).add(r.id());
        arrivals.incrementAndGet();
        return LocalReceiver.Answer.ok();
      });

      WebhookSettings settings = new WebhookSettings(Set.of("127.0.0.1"), Duration.ofSeconds(2), Duration.ofSeconds(2), IN_FLIGHT,
          Duration.ofSeconds(5), Duration.ofMillis(100), WebhookSettings.STANDARD_SCHEDULE, 0.2);
      AtomicReference<Node> node = new AtomicReference<>(Node.start(mongo, mongo.outbox, mongo.records, settings));
      for (int i = 0; i < SUBS; i++) {
        node.get().webhooks.subscriptions().create(json("{'app':'bench','events':['record.created'],'url':'" + receiver.url("/bench") + "'}"), ADMIN);
      }

      List<String> committed = Collections.synchronizedList(new ArrayList<>());
      long commandsBefore = mongo.commands.get();
      Map<String, Long> byNameBefore = snapshot(mongo);
      AtomicBoolean writing = new AtomicBoolean(true);
      AtomicInteger refusedWrites = new AtomicInteger();
      ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
      long start = System.nanoTime();
      for (int w = 0; w < WRITERS; w++) {
        writers.execute(() -> {
          int i = 0;
          while (writing.get()) {
            try {
              committed.add(node.get().records.submit("bench", "order",
                  json("{'data':{'title':'Order " + (i++) + "','amount':12.5,'customer':'ACME'}}"), ADMIN).id());
            } catch (RuntimeException e) {
              refusedWrites.incrementAndGet(); // the node was stopped under this writer: committed or not, unknown here
            }
          }
        });
      }
      Thread.sleep(SECONDS * 500L);
      // Forced restart: the node dies (worker, relay, leases abandoned), a fresh node on the same store takes over.
      Node dead = node.get();
      EmbeddedMongo.OtherNode fresh = mongo.otherNode();
      node.set(Node.start(mongo, fresh.outbox(), fresh.records(), settings));
      dead.kill();
      Thread.sleep(SECONDS * 500L);
      writing.set(false);
      writers.shutdown();
      writers.awaitTermination(30, TimeUnit.SECONDS);
      long writeEnd = System.nanoTime();
      int expected = committed.size() * SUBS;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (committed.stream().anyMatch(id -> deliveredRecords.getOrDefault(id, Set.of()).size() < SUBS) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      long end = System.nanoTime();
      double commandsPerRecord = (mongo.commands.get() - commandsBefore) / (double) Math.max(1, committed.size());
      String breakdown = perRecord(byNameBefore, snapshot(mongo), committed.size());
      long plainCommandsBefore = mongo.commands.get();
      AtomicInteger plainCount = new AtomicInteger();
      double plainWrites = writesPerSecond(node.get().records, "plain", 10, plainCount); // same writers, a form nobody subscribes to
      double plainCommandsPerRecord = (mongo.commands.get() - plainCommandsBefore) / (double) Math.max(1, plainCount.get());
      node.get().kill();

      long lost = committed.stream().filter(id -> deliveredRecords.getOrDefault(id, Set.of()).size() < SUBS).count();
      double seconds = (end - start) / 1e9;
      double perSecond = latencyMs.size() / seconds;
      List<Long> sorted = new ArrayList<>(latencyMs.values());
      Collections.sort(sorted);
      long median = sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
      long p99 = sorted.isEmpty() ? -1 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1));
      BenchSupport.report(String.format("WebhookDeliveryBenchmark: %d records written by %d writers in %.1f s (%.0f/s), %d subscriptions,"
          + " forced restart at %d s; delivered %d (unique webhook-ids; %d expected from the writes seen committed, %d writes interrupted by the restart; %d requests incl. repeats) in %.1f s = %.0f deliveries/s;"
          + " commit->delivery median %d ms, p99 %d ms; committed records not delivered to every subscription (lost): %d;"
          + " baseline bare HTTP posts (same client, %d in flight, no store) %.0f/s, ratio %.2f;"
          + " baseline record writes without subscriptions (same writers) %.0f/s, webhook writes at %.2f of that pace;"
          + " MongoDB commands per record written %.1f (writes, relay, fan-out and delivery; by command: %s), per record written without subscriptions %.1f",
          committed.size(), WRITERS, (writeEnd - start) / 1e9, committed.size() / ((writeEnd - start) / 1e9), SUBS, SECONDS / 2,
          latencyMs.size(), expected, refusedWrites.get(), arrivals.get(), seconds, perSecond, median, p99, lost, IN_FLIGHT, baseline, perSecond / baseline,
          plainWrites, committed.size() / ((writeEnd - start) / 1e9) / plainWrites, commandsPerRecord, breakdown, plainCommandsPerRecord));
      if (lost > 0) {
        throw new AssertionError(lost + " committed records were never delivered");
      }
    }
  }

  /** Record writes per second by the benchmark's writers on a form nobody subscribes to. */
  private static double writesPerSecond(RecordService records, String form, int seconds, AtomicInteger written) throws InterruptedException {
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    long t0 = System.nanoTime();
    for (int w = 0; w < WRITERS; w++) {
      writers.execute(() -> {
        while (writing.get()) {
          records.submit("plain", form, json("{'data':{'title':'Plain','amount':12.5,'customer':'ACME'}}"), ADMIN);
          written.incrementAndGet();
        }
      });
    }
    Thread.sleep(seconds * 1000L);
    writing.set(false);
    writers.shutdown();
    writers.awaitTermination(30, TimeUnit.SECONDS);
    return written.get() / ((System.nanoTime() - t0) / 1e9);
  }

  private static Map<String, Long> snapshot(EmbeddedMongo mongo) {
    Map<String, Long> counts = new java.util.TreeMap<>();
    mongo.commandsByName.forEach((name, n) -> counts.put(name, n.sum()));
    return counts;
  }

  /** Commands per record by name and collection, largest first (those above 0.05 per record). */
  private static String perRecord(Map<String, Long> before, Map<String, Long> after, int records) {
    StringBuilder out = new StringBuilder();
    after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / (double) Math.max(1, records)))
        .filter(e -> e.getValue() >= 0.05).sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(e -> out.append(out.isEmpty() ? "" : ", ").append(e.getKey()).append(String.format(" %.2f", e.getValue())));
    return out.toString();
  }

  /** The same client, bodies and concurrency straight to the receiver: what HTTP alone allows here. */
  private static double baseline(LocalReceiver receiver) throws Exception {
    WebhookHttpSender sender = new WebhookHttpSender(Duration.ofSeconds(2), Duration.ofSeconds(2));
    URI url = URI.create(receiver.url("/baseline"));
    InetAddress address = InetAddress.getByName("127.0.0.1");
    String at = Instant.now().toString();
    int n = 4000;
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    long t0 = System.nanoTime();
    for (int c = 0; c < IN_FLIGHT; c++) {
      pool.execute(() -> {
        for (int i; (i = next.getAndIncrement()) < n; ) {
          String body = "{\"type\":\"record.created\",\"data\":{\"event\":{\"at\":\"" + at + "\",\"recordId\":\"baseline\"}}}";
          try {
            sender.post(url, address, Map.of("webhook-id", "baseline-" + i), body.getBytes(StandardCharsets.UTF_8));
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
      });
    }
    pool.shutdown();
    pool.awaitTermination(120, TimeUnit.SECONDS);
    double perSecond = n / ((System.nanoTime() - t0) / 1e9);
    receiver.received.clear();
    return perSecond;
  }

  /** One app node: its record service, outbox relay and webhooks. */
  private record Node(RecordService records, EventOutbox outbox, Webhooks webhooks) {
    static Node start(EmbeddedMongo mongo, EventOutbox outbox, RecordService records, WebhookSettings settings) {
      Webhooks webhooks = new Webhooks(mongo.database, outbox, mongo.forms, records, new AccessPolicy(mongo.accessSettings, mongo.directory),
          mongo.directory, EmbeddedMongo.sharedSandbox(), settings, Clock.systemUTC());
      outbox.start(Duration.ofSeconds(1));
      webhooks.start();
      return new Node(records, outbox, webhooks);
    }

    void kill() {
      webhooks.close();
      outbox.close();
    }
  }
}
