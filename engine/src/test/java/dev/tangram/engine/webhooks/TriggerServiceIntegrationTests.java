package dev.tangram.engine.webhooks;

import static dev.tangram.engine.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tangram.engine.access.Actor;
import dev.tangram.engine.access.DirectoryUser;
import dev.tangram.engine.common.ConflictException;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.ForbiddenException;
import dev.tangram.engine.common.NotFoundException;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.records.RecordQuery;
import dev.tangram.engine.testing.EmbeddedMongo;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Inbound triggers: signed or bearer calls create records; anything refused stores nothing. */
class TriggerServiceIntegrationTests {

  private static final Actor ADMIN = WebhookDeliveryIntegrationTests.ADMIN;
  private EmbeddedMongo mongo;
  private Webhooks webhooks;
  private TriggerService triggers;

  @BeforeEach
  void setUp() {
    mongo = new EmbeddedMongo();
    mongo.directory.saveUser(new DirectoryUser("admin", "Admin", null, null, List.of(), List.of("ADMIN"), true), true);
    mongo.apps.create("shop", "Shop", null, "admin");
    mongo.forms.create("shop", json("{'key':'order','name':'Order','fields':[{'key':'title','type':'text','required':true,'maxLength':20},"
        + "{'key':'amount','type':'money','min':0},{'key':'lines','type':'subform','fields':[{'key':'sku','type':'text'},{'key':'qty','type':'number'}]}]}"), "admin");
    mongo.forms.publish("shop", "order", "admin");
    webhooks = WebhookTestNode.on(mongo);
    triggers = webhooks.triggers();
  }

  @AfterEach
  void tearDown() {
    webhooks.close();
    mongo.close();
  }

  private Trigger.Created pathTrigger() {
    return triggers.create("shop", json("{'name':'shopify','action':'createRecord','form':'order','mapping':{'fields':{"
        + "'title':'$.order.name','amount':'$.order[\\'total price\\']','lines':{'path':'$.order.items[*]','fields':{'sku':'$.sku','qty':'$.n'}}}}}"), ADMIN);
  }

  private static String token(Trigger.Created t) {
    return t.trigger().path().substring("/hooks/".length());
  }

  private static HookCall signed(Trigger.Created t, String id, long timestamp, String body, Map<String, String> extra) {
    Map<String, String> headers = new HashMap<>(extra);
    headers.put("webhook-id", id);
    headers.put("webhook-timestamp", Long.toString(timestamp));
    headers.put("webhook-signature", WebhookSignature.sign(t.secret(), id, timestamp, body));
    return new HookCall(token(t), headers::get, body);
  }

  private long stored() {
    return mongo.records.query("shop", "order", new RecordQuery(List.of(), List.of(), 0, 50), ADMIN).total();
  }

  private static final String BODY = "{\"order\":{\"name\":\"Web #1\",\"total price\":99.5,\"items\":[{\"sku\":\"A\",\"n\":2},{\"sku\":\"B\",\"n\":1}]}}";

  @Test
  void aSignedCallCreatesTheMappedRecord() {
    Trigger.Created t = pathTrigger();
    assertThat(t.trigger().path()).startsWith("/hooks/");
    HookResult result = triggers.handle(signed(t, "msg_1", Instant.now().getEpochSecond(), BODY, Map.of()));
    assertThat(result.status()).isEqualTo(201);
    String id = result.body().at("/record/id").asString();
    var record = mongo.records.get("shop", "order", id, ADMIN);
    assertThat(record.data().get("title").asString()).isEqualTo("Web #1");
    assertThat(record.data().get("amount").toString()).isEqualTo("99.50");
    assertThat(record.data().get("lines")).hasSize(2);
    assertThat(record.data().at("/lines/0/sku").asString()).isEqualTo("A");
    assertThat(record.createdBy()).isEqualTo("admin");
  }

  @Test
  void unsignedWronglySignedStaleOrReplayedCallsAre401AndStoreNothing() {
    Trigger.Created t = pathTrigger();
    long now = Instant.now().getEpochSecond();
    assertThatThrownBy(() -> triggers.handle(new HookCall(token(t), h -> null, BODY))).isInstanceOf(InvalidSignatureException.class);
    HookCall tampered = signed(t, "msg_2", now, BODY, Map.of());
    assertThatThrownBy(() -> triggers.handle(new HookCall(tampered.token(), tampered.header(), BODY.replace("99.5", "0.5"))))
        .isInstanceOf(InvalidSignatureException.class);
    assertThatThrownBy(() -> triggers.handle(signed(t, "msg_3", now - 301, BODY, Map.of()))).isInstanceOf(InvalidSignatureException.class);
    assertThatThrownBy(() -> triggers.handle(signed(t, "msg_4", now + 301, BODY, Map.of()))).isInstanceOf(InvalidSignatureException.class);
    assertThatThrownBy(() -> triggers.handle(new HookCall(token(t), Map.of("Authorization", "Bearer thk_wrong")::get, BODY)))
        .isInstanceOf(InvalidSignatureException.class);
    assertThat(stored()).isZero();

    triggers.handle(signed(t, "msg_5", now, BODY, Map.of()));
    assertThatThrownBy(() -> triggers.handle(signed(t, "msg_5", now + 1, BODY, Map.of()))).as("replayed webhook-id")
        .isInstanceOf(InvalidSignatureException.class).hasMessageContaining("replay");
    assertThat(stored()).isEqualTo(1);
    assertThatThrownBy(() -> triggers.handle(new HookCall("nope", h -> null, BODY))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void everyCallIsInTheRecentCallsWithItsOutcome() {
    Trigger.Created t = pathTrigger();
    long now = Instant.now().getEpochSecond();
    String recordId = triggers.handle(signed(t, "msg_1", now, BODY, Map.of())).body().at("/record/id").asString();
    assertThatThrownBy(() -> triggers.handle(new HookCall(token(t), h -> null, BODY))).isInstanceOf(InvalidSignatureException.class);
    assertThatThrownBy(() -> triggers.handle(signed(t, "msg_2", now, "{\"order\":{}}", Map.of()))).isInstanceOf(ValidationException.class);
    List<Trigger.Call> calls = triggers.calls("shop", t.trigger().id(), ADMIN);
    assertThat(calls).extracting(Trigger.Call::status).containsExactly(422, 401, 201);
    assertThat(calls.getLast().recordId()).isEqualTo(recordId);
    assertThat(calls.get(1).message()).isNotBlank();
    Actor stranger = Actor.user("bob", java.util.Set.of(), List.of());
    assertThatThrownBy(() -> triggers.calls("shop", t.trigger().id(), stranger)).isInstanceOf(ForbiddenException.class);
  }

  @Test
  void theBearerTokenAuthenticatesToo() {
    Trigger.Created t = pathTrigger();
    assertThat(t.bearerToken()).startsWith("thk_");
    HookResult result = triggers.handle(new HookCall(token(t), Map.of("Authorization", "Bearer " + t.bearerToken())::get, BODY));
    assertThat(result.status()).isEqualTo(201);
  }

  @Test
  void anIdempotencyKeyReturnsTheFirstResultWithoutASecondRecord() {
    Trigger.Created t = pathTrigger();
    long now = Instant.now().getEpochSecond();
    HookResult first = triggers.handle(signed(t, "msg_a", now, BODY, Map.of("Idempotency-Key", "order-77")));
    HookResult again = triggers.handle(signed(t, "msg_b", now, BODY, Map.of("Idempotency-Key", "order-77")));
    assertThat(again.replayed()).isTrue();
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.body().toString()).isEqualTo(first.body().toString());
    assertThat(stored()).isEqualTo(1);
  }

  @Test
  void invalidMappedDataIs422WithFieldErrorsAndStoresNothingAndMayBeRetried() {
    Trigger.Created t = pathTrigger();
    long now = Instant.now().getEpochSecond();
    String bad = "{\"order\":{\"name\":\"" + "x".repeat(30) + "\",\"total price\":-1}}";
    assertThatThrownBy(() -> triggers.handle(signed(t, "msg_x", now, bad, Map.of("Idempotency-Key", "k1"))))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
            .containsExactlyInAnyOrder("title", "amount"));
    assertThatThrownBy(() -> triggers.handle(signed(t, "msg_y", now, "{not json", Map.of())))
        .isInstanceOf(ValidationException.class);
    assertThat(stored()).isZero();
    // the failed call left neither its webhook-id nor its key behind: the sender's retry goes through
    assertThat(triggers.handle(signed(t, "msg_x", now, BODY, Map.of("Idempotency-Key", "k1"))).status()).isEqualTo(201);
    assertThat(stored()).isEqualTo(1);
  }

  @Test
  void aScriptMappingRunsInTheSandbox() {
    Trigger.Created t = triggers.create("shop", json("{'name':'scripted','action':'createRecord','form':'order','mapping':{"
        + "'script':'return {title: payload.subject.toUpperCase(), amount: payload.cents / 100};'}}"), ADMIN);
    HookResult result = triggers.handle(signed(t, "m1", Instant.now().getEpochSecond(), "{\"subject\":\"hello\",\"cents\":1250}", Map.of()));
    var record = mongo.records.get("shop", "order", result.body().at("/record/id").asString(), ADMIN);
    assertThat(record.data().get("title").asString()).isEqualTo("HELLO");
    assertThat(record.data().get("amount").toString()).isEqualTo("12.50");

    Trigger.Created hostile = triggers.create("shop", json("{'name':'hostile','action':'createRecord','form':'order','mapping':{"
        + "'script':'return Java.type(\\'java.lang.System\\').exit(1);'}}"), ADMIN);
    assertThatThrownBy(() -> triggers.handle(signed(hostile, "m2", Instant.now().getEpochSecond(), "{}", Map.of())))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().getFirst().field()).isEqualTo("mapping"));
  }

  @Test
  void badTriggerDefinitionsAreRefusedWithEveryProblem() {
    assertThatThrownBy(() -> triggers.create("shop", json("{'name':'x','action':'sendFax','form':'order'}"), ADMIN))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().getFirst().field()).isEqualTo("action"));
    assertThatThrownBy(() -> triggers.create("shop", json("{'name':'x','action':'completeTask','form':'order'}"), ADMIN))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().getFirst().field()).isEqualTo("task"));
    assertThatThrownBy(() -> triggers.create("shop", json("{'name':'x','action':'createRecord','form':'order','mapping':{'fields':{'titel':'$.a','amount':'a.b'}}}"), ADMIN))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
            .containsExactlyInAnyOrder("mapping.fields.titel", "mapping.fields.amount"));
    assertThatThrownBy(() -> triggers.create("shop", json("{'name':'x','action':'createRecord','form':'order','mapping':{'script':'return {'}}"), ADMIN))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().getFirst().field()).isEqualTo("mapping.script"));
    assertThatThrownBy(() -> triggers.create("shop", json("{'name':'x','action':'createRecord','form':'nope'}"), ADMIN))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> triggers.create("shop", json("{'name':'x','action':'createRecord','form':'order'}"),
        Actor.user("eve", Set.of(), List.of()))).isInstanceOf(ForbiddenException.class);
    assertThat(triggers.list("shop", ADMIN)).isEmpty();
  }

  @Test
  void triggersAreListedAndDeleted() {
    Trigger.Created t = pathTrigger();
    assertThat(triggers.list("shop", ADMIN)).extracting(Trigger::id).containsExactly(t.trigger().id());
    triggers.delete("shop", t.trigger().id(), ADMIN);
    assertThat(triggers.list("shop", ADMIN)).isEmpty();
    assertThatThrownBy(() -> triggers.handle(signed(t, "m", Instant.now().getEpochSecond(), BODY, Map.of()))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aCallStillRunningWithTheSameKeyIsAConflict() {
    Trigger.Created t = pathTrigger();
    // What a crash mid-call leaves: the key claimed, no result.
    mongo.database.getCollection("_webhook_idempotency").insertOne(new org.bson.Document("_id", t.trigger().id() + ":k9")
        .append("at", new java.util.Date()).append("done", false));
    assertThatThrownBy(() -> triggers.handle(signed(t, "m9", Instant.now().getEpochSecond(), BODY, Map.of("Idempotency-Key", "k9"))))
        .isInstanceOf(ConflictException.class);
    assertThat(stored()).isZero();
  }
}
