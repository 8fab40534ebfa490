package dev.tangram.engine.webhooks;

import static dev.tangram.engine.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tangram.engine.access.AccessSettings;
import dev.tangram.engine.access.Actor;
import dev.tangram.engine.access.DirectoryUser;
import dev.tangram.engine.access.FieldAccess;
import dev.tangram.engine.access.Grant;
import dev.tangram.engine.access.Operation;
import dev.tangram.engine.access.RowScope;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.records.Record;
import dev.tangram.engine.testing.EmbeddedMongo;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Outbound webhooks end to end: real store, real events, real HTTP to a receiver on 127.0.0.1. */
class WebhookDeliveryIntegrationTests {

  static final Actor ADMIN = Actor.user("admin", Set.of("ADMIN"), List.of());
  private static final Duration WAIT = Duration.ofSeconds(30);

  private EmbeddedMongo mongo;
  private Webhooks webhooks;
  private LocalReceiver receiver;

  @BeforeEach
  void setUp() {
    mongo = new EmbeddedMongo();
    mongo.directory.saveUser(new DirectoryUser("admin", "Admin", null, null, List.of(), List.of("ADMIN"), true), true);
    mongo.apps.create("shop", "Shop", null, "admin");
    mongo.forms.create("shop", json("{'key':'order','name':'Order','fields':[{'key':'title','type':'text','required':true},"
        + "{'key':'amount','type':'money'},{'key':'cost','type':'money'}]}"), "admin");
    mongo.forms.publish("shop", "order", "admin");
    receiver = new LocalReceiver();
    webhooks = WebhookTestNode.on(mongo);
    webhooks.start();
  }

  @AfterEach
  void tearDown() {
    webhooks.close();
    receiver.close();
    mongo.close();
  }

  Subscription.Created subscribe(String path, Actor owner, String form, String... events) {
    return webhooks.subscriptions().create(json("{'app':'shop','form':" + (form == null ? "null" : "'" + form + "'")
        + ",'events':" + Json.MAPPER.valueToTree(List.of(events)) + ",'url':'" + receiver.url(path) + "'}"), owner);
  }

  Record order(String title) {
    return mongo.records.submit("shop", "order", json("{'data':{'title':'" + title + "','amount':12.5,'cost':3}}"), ADMIN);
  }

  @Test
  void aCommittedChangeIsDeliveredSignedWithWhatTheOwnerMaySee() {
    mongo.directory.saveUser(new DirectoryUser("bob", "Bob", null, null, List.of(), List.of(), true), true);
    mongo.accessSettings.setGrants("shop", "order", List.of(new Grant("user:bob", EnumSet.of(Operation.VIEW), RowScope.ALL,
        Map.of("cost", FieldAccess.HIDDEN))));
    Actor bob = Actor.user("bob", Set.of(), List.of());
    Subscription.Created sub = subscribe("/bob", bob, "order", "record.created", "record.updated");
    assertThat(sub.secret()).startsWith("whsec_");

    Record r = order("Desk");
    mongo.records.patch("shop", "order", r.id(), json("{'data':{'amount':20}}"), null, ADMIN);
    Eventually.await("two deliveries", WAIT, () -> receiver.at("/bob").size() == 2);

    List<LocalReceiver.Received> got = receiver.at("/bob");
    for (LocalReceiver.Received g : got) {
      WebhookSignature.verify(sub.secret(), g.id(), g.timestamp(), g.signature(), g.body(), Instant.now());
    }
    JsonNode first = Json.MAPPER.readTree(got.get(0).body());
    assertThat(first.get("type").asString()).isEqualTo("record.created");
    assertThat(first.at("/data/record/data/title").asString()).isEqualTo("Desk");
    assertThat(first.at("/data/record/data/amount").toString()).isEqualTo("12.50");
    assertThat(first.at("/data/record/data").has("cost")).as("hidden from bob").isFalse();
    assertThat(first.at("/data/actor/username").asString()).isEqualTo("admin");
    assertThat(first.at("/data/event/recordId").asString()).isEqualTo(r.id());
    JsonNode second = Json.MAPPER.readTree(got.get(1).body());
    assertThat(second.at("/data/record/version").asLong()).isEqualTo(2);
    assertThat(second.at("/data/before/amount").toString()).isEqualTo("12.50");
    assertThat(second.at("/data/before").has("cost")).isFalse();

    Eventually.await("both logged", WAIT, () -> webhooks.subscriptions().deliveries(sub.subscription().id(), Delivery.DELIVERED, 0, 10, bob).size() == 2);
    List<Delivery> log = webhooks.subscriptions().deliveries(sub.subscription().id(), null, 0, 10, bob);
    assertThat(log).hasSize(2).allSatisfy(d -> {
      assertThat(d.state()).isEqualTo(Delivery.DELIVERED);
      assertThat(d.log()).singleElement().satisfies(a -> {
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.excerpt()).isEqualTo("thanks");
        assertThat(a.node()).isEqualTo(webhooks.node());
      });
    });
    assertThat(log).extracting(Delivery::id).containsExactlyInAnyOrder(got.get(0).id(), got.get(1).id());
  }

  @Test
  void aSubscriberWhoMayNotSeeTheRowGetsNothing() {
    mongo.directory.saveUser(new DirectoryUser("carol", "Carol", null, null, List.of(), List.of(), true), true);
    Actor carol = Actor.user("carol", Set.of(), List.of());
    subscribe("/carol", carol, "order", "record.created"); // default grant: own rows only
    Subscription.Created all = subscribe("/all", ADMIN, null, "record.created");
    order("Not carols");
    mongo.records.submit("shop", "order", json("{'data':{'title':'Carol''s'}}".replace("''", "")), carol);
    Eventually.await("admin sees both", WAIT, () -> receiver.at("/all").size() == 2);
    Eventually.await("carol sees her own", WAIT, () -> receiver.at("/carol").size() == 1);
    assertThat(Json.MAPPER.readTree(receiver.at("/carol").getFirst().body()).at("/data/record/data/title").asString()).isEqualTo("Carols");
    assertThat(all.subscription().form()).isNull();
  }

  @Test
  void deliveriesOfOneRecordArriveInVersionOrderWhileTheFirstIsRetried() {
    AtomicInteger calls = new AtomicInteger();
    receiver.answer("/order", r -> calls.incrementAndGet() <= 2 ? LocalReceiver.Answer.status(500) : LocalReceiver.Answer.ok());
    Subscription.Created sub = subscribe("/order", ADMIN, "order", "record.created", "record.updated");
    Record r = order("Chair");
    for (int i = 1; i <= 3; i++) {
      mongo.records.patch("shop", "order", r.id(), json("{'data':{'amount':" + i + "}}"), null, ADMIN);
    }
    Eventually.await("all four versions", WAIT, () -> webhooks.subscriptions().deliveries(sub.subscription().id(), Delivery.DELIVERED, 0, 10, ADMIN).size() == 4);
    List<Long> versions = receiver.at("/order").stream()
        .map(g -> Json.MAPPER.readTree(g.body()).at("/data/record/version").asLong()).toList();
    assertThat(versions).containsExactly(1L, 1L, 1L, 2L, 3L, 4L); // v1 failed twice, nothing overtook it
  }

  @Test
  void concurrentWritersFanOutTogetherAndEachRecordArrivesInVersionOrder() throws Exception {
    Subscription.Created sub = subscribe("/many", ADMIN, "order", "record.created", "record.updated");
    int writers = 6;
    int perWriter = 10;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
    List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      done.add(pool.submit(() -> {
        for (int i = 0; i < perWriter; i++) {
          Record r = order("W" + writer + "-" + i);
          for (int v = 1; v <= 2; v++) {
            mongo.records.patch("shop", "order", r.id(), json("{'data':{'amount':" + v + "}}"), null, ADMIN);
          }
        }
      }));
    }
    for (java.util.concurrent.Future<?> f : done) {
      f.get(60, java.util.concurrent.TimeUnit.SECONDS);
    }
    pool.shutdown();
    int expected = writers * perWriter * 3;
    Eventually.await("every version of every record", WAIT, () -> webhooks.subscriptions()
        .deliveries(sub.subscription().id(), Delivery.DELIVERED, 0, 200, ADMIN).size() == expected);
    Map<String, List<Long>> versions = new java.util.HashMap<>();
    for (LocalReceiver.Received g : receiver.at("/many")) {
      JsonNode body = Json.MAPPER.readTree(g.body());
      versions.computeIfAbsent(body.at("/data/event/recordId").asString(), k -> new java.util.ArrayList<>())
          .add(body.at("/data/record/version").asLong());
    }
    assertThat(versions).hasSize(writers * perWriter)
        .allSatisfy((record, arrived) -> assertThat(arrived).as("record %s", record).containsExactly(1L, 2L, 3L));
  }

  @Test
  void retryAfterIsHonoured() {
    AtomicInteger calls = new AtomicInteger();
    receiver.answer("/busy", r -> calls.incrementAndGet() == 1
        ? new LocalReceiver.Answer(503, Map.of("Retry-After", "2"), "busy", 0) : LocalReceiver.Answer.ok());
    subscribe("/busy", ADMIN, "order", "record.created");
    order("Lamp");
    Eventually.await("the retry", WAIT, () -> receiver.at("/busy").size() == 2);
    List<LocalReceiver.Received> got = receiver.at("/busy");
    assertThat(Duration.ofNanos(got.get(1).atNanos() - got.get(0).atNanos())).as("waited as asked, not 50 ms")
        .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    assertThat(got.get(1).id()).isEqualTo(got.get(0).id()); // same webhook-id on a retry
  }

  @Test
  void goneDisablesTheSubscriptionAndDeadLettersTheDelivery() {
    receiver.answer("/gone", r -> LocalReceiver.Answer.status(410));
    Subscription.Created sub = subscribe("/gone", ADMIN, "order", "record.created");
    order("A");
    Eventually.await("disabled", WAIT, () -> !webhooks.subscriptions().get(sub.subscription().id(), ADMIN).enabled());
    assertThat(webhooks.subscriptions().get(sub.subscription().id(), ADMIN).disabledReason()).contains("410");
    // disabling and dead-lettering are two writes: wait for the second too
    Eventually.await("dead-lettered", WAIT, () -> webhooks.subscriptions().deliveries(sub.subscription().id(), Delivery.DEAD, 0, 10, ADMIN).size() == 1);
    order("B"); // waits while disabled
    sleep(300);
    assertThat(receiver.at("/gone")).hasSize(1);

    receiver.answer("/gone", r -> LocalReceiver.Answer.ok());
    webhooks.subscriptions().update(sub.subscription().id(), json("{'enabled':true}"), ADMIN);
    Eventually.await("B after re-enabling", WAIT, () -> receiver.at("/gone").size() == 2);
  }

  @Test
  void afterTheLastRetryTheDeliveryIsDeadAndCanBeRedelivered() {
    receiver.answer("/down", r -> LocalReceiver.Answer.status(500));
    Subscription.Created sub = subscribe("/down", ADMIN, "order", "record.created");
    order("A");
    String id = sub.subscription().id();
    Eventually.await("dead", WAIT, () -> webhooks.subscriptions().deliveries(id, Delivery.DEAD, 0, 10, ADMIN).size() == 1);
    Delivery dead = webhooks.subscriptions().deliveries(id, Delivery.DEAD, 0, 10, ADMIN).getFirst();
    assertThat(dead.attempts()).isEqualTo(4); // first try + 3 retries of the test schedule
    assertThat(dead.log()).extracting(Delivery.Attempt::status).containsOnly(500);
    assertThat(dead.log()).allSatisfy(a -> assertThat(a.latencyMs()).isGreaterThanOrEqualTo(0));

    receiver.answer("/down", r -> LocalReceiver.Answer.ok());
    webhooks.subscriptions().redeliver(id, dead.id(), ADMIN);
    Eventually.await("redelivered", WAIT, () -> webhooks.subscriptions().deliveries(id, Delivery.DELIVERED, 0, 10, ADMIN).size() == 1);
    Delivery delivered = webhooks.subscriptions().deliveries(id, null, 0, 10, ADMIN).getFirst();
    assertThat(delivered.log()).extracting(Delivery.Attempt::status).containsExactly(500, 500, 500, 500, 200);
    assertThat(receiver.at("/down")).extracting(LocalReceiver.Received::id).containsOnly(dead.id());
  }

  @Test
  void aSlowReceiverDelaysNoOtherSubscription() {
    receiver.answer("/slow", r -> new LocalReceiver.Answer(200, Map.of(), "late", 5_000)); // beyond the 2 s timeout
    Subscription.Created slow = subscribe("/slow", ADMIN, "order", "record.created");
    subscribe("/fast", ADMIN, "order", "record.created");
    for (int i = 0; i < 20; i++) {
      order("R" + i);
    }
    Eventually.await("the fast receiver got all 20", WAIT, () -> receiver.at("/fast").size() == 20);
    assertThat(webhooks.subscriptions().deliveries(slow.subscription().id(), Delivery.DELIVERED, 0, 50, ADMIN))
        .as("the slow one has delivered nothing").isEmpty();
    Eventually.await("slow attempts time out and are logged", WAIT, () -> webhooks.subscriptions()
        .deliveries(slow.subscription().id(), Delivery.PENDING, 0, 50, ADMIN).stream().anyMatch(d -> !d.log().isEmpty()));
    Delivery timedOut = webhooks.subscriptions().deliveries(slow.subscription().id(), Delivery.PENDING, 0, 50, ADMIN).stream()
        .filter(d -> !d.log().isEmpty()).findFirst().orElseThrow();
    assertThat(timedOut.log().getFirst().status()).isZero();
    assertThat(timedOut.log().getFirst().excerpt()).contains("Timeout");
    sleep(2500);
    assertThat(maxConcurrent(webhooks.subscriptions().deliveries(slow.subscription().id(), null, 0, 50, ADMIN)))
        .as("never more than its own slots in flight").isLessThanOrEqualTo(WebhookSettings.defaults().maxInFlightPerEndpoint());
  }

  @Test
  void redirectsAreNotFollowed() {
    receiver.answer("/moved", r -> new LocalReceiver.Answer(302, Map.of("Location", receiver.url("/target")), "", 0));
    Subscription.Created sub = subscribe("/moved", ADMIN, "order", "record.created");
    order("A");
    Eventually.await("dead", WAIT, () -> webhooks.subscriptions().deliveries(sub.subscription().id(), Delivery.DEAD, 0, 10, ADMIN).size() == 1);
    assertThat(receiver.at("/target")).isEmpty();
  }

  @Test
  void insideAddressesAreRefusedAtSaveUnlessAllowListed() {
    assertThatThrownBy(() -> webhooks.subscriptions().create(json("{'app':'shop','events':['record.created'],'url':'http://169.254.169.254/latest'}"), ADMIN))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().getFirst().field()).isEqualTo("url"));
    assertThatThrownBy(() -> webhooks.subscriptions().create(json("{'app':'shop','events':['record.created'],'url':'http://[::1]:1/x'}"), ADMIN))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> webhooks.subscriptions().create(json("{'app':'shop','events':['record.made'],'url':'http://127.0.0.1:1/x','colour':1}"), ADMIN))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> webhooks.subscriptions().create(json("{'app':'shop','events':['record.made'],'url':'http://127.0.0.1:1/x'}"), ADMIN))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(f -> f.field() + ":" + f.code())
            .containsExactly("events:unknownEvent"));
  }

  @Test
  void aNameThatRebindsToAnInsideAddressIsRefusedAtSendTime() throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    java.net.InetAddress outside = java.net.InetAddress.getByName("93.184.215.14");
    java.net.InetAddress inside = java.net.InetAddress.getByName("127.0.0.1");
    EmbeddedMongo.OtherNode node = mongo.otherNode();
    try (Webhooks rebinding = new Webhooks(mongo.database, node.outbox(), mongo.forms, node.records(),
        new dev.tangram.engine.access.AccessPolicy(mongo.accessSettings, mongo.directory), mongo.directory,
        EmbeddedMongo.sharedSandbox(), WebhookTestNode.settings().withAllowedHosts(Set.of()), java.time.Clock.systemUTC(),
        host -> new java.net.InetAddress[] {lookups.incrementAndGet() == 1 ? outside : inside})) {
      webhooks.close(); // only the rebinding node sends
      Subscription.Created sub = rebinding.subscriptions().create(json("{'app':'shop','events':['record.created'],'url':'"
          + receiver.url("/rebound").replace("127.0.0.1", "rebinding.example") + "'}"), ADMIN);
      rebinding.start();
      node.records().submit("shop", "order", json("{'data':{'title':'A'}}"), ADMIN);
      String id = sub.subscription().id();
      Eventually.await("a refused attempt", WAIT, () -> rebinding.subscriptions().deliveries(id, null, 0, 10, ADMIN).stream()
          .anyMatch(d -> !d.log().isEmpty()));
      Delivery.Attempt attempt = rebinding.subscriptions().deliveries(id, null, 0, 10, ADMIN).getFirst().log().getFirst();
      assertThat(attempt.status()).isZero();
      assertThat(attempt.excerpt()).contains("Refused").contains("127.0.0.1");
      assertThat(receiver.received).isEmpty();
    }
  }

  /** The most attempts whose [start, start + latency] overlap, from the delivery log. */
  static int maxConcurrent(List<Delivery> deliveries) {
    List<long[]> spans = deliveries.stream().flatMap(d -> d.log().stream())
        .map(a -> new long[] {a.at().toEpochMilli(), a.at().toEpochMilli() + a.latencyMs()}).toList();
    int max = 0;
    for (long[] span : spans) {
      long t = span[0];
      max = Math.max(max, (int) spans.stream().filter(o -> o[0] <= t && t < o[1]).count());
    }
    return max;
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
