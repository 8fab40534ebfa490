package dev.tangram.engine.webhooks;

import dev.tangram.engine.access.AccessPolicy;
import dev.tangram.engine.access.Actor;
import dev.tangram.engine.access.DirectoryUser;
import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.ForbiddenException;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.common.NotFoundException;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.records.Record;
import dev.tangram.engine.records.RecordService;
import dev.tangram.engine.rules.ScriptSandbox;
import dev.tangram.engine.webhooks.internal.PayloadMapping;
import dev.tangram.engine.webhooks.internal.TriggerStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Inbound triggers: app admins create them; {@link #handle} serves {@code POST /hooks/{token}}.
 * A call is authenticated by a Standard Webhooks signature with the trigger's secret (timestamp
 * within 5 minutes, each {@code webhook-id} accepted once) or by the trigger's bearer token; an
 * {@code Idempotency-Key} returns the first call's result instead of creating a second record.
 * Whatever is refused (401, 422 …) stores nothing.
 */
public final class TriggerService {

  private static final Set<String> MEMBERS = Set.of("name", "action", "form", "mapping");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration KEYS_KEPT = Duration.ofHours(24);

  private final TriggerStore store;
  private final FormService forms;
  private final RecordService records;
  private final AccessPolicy access;
  private final OrgDirectory directory;
  private final ScriptSandbox sandbox;
  private final Clock clock;
  private final Map<String, PayloadMapping> mappings = new ConcurrentHashMap<>();

  TriggerService(TriggerStore store, FormService forms, RecordService records, AccessPolicy access, OrgDirectory directory,
      ScriptSandbox sandbox, Clock clock) {
    this.store = store;
    this.forms = forms;
    this.records = records;
    this.access = access;
    this.directory = directory;
    this.sandbox = sandbox;
    this.clock = clock;
  }

  /** {@code {"name", "action": "createRecord", "form", "mapping"?}}; secret and bearer token are shown only here. */
  public Trigger.Created create(String app, JsonNode body, Actor actor) {
    requireAdmin(app, actor);
    Bodies.requireObject(body, MEMBERS);
    List<FieldError> errors = new ArrayList<>();
    String name = Bodies.string(body, "name", true, errors);
    String action = Bodies.string(body, "action", true, errors);
    String form = Bodies.string(body, "form", true, errors);
    if (action != null && !Trigger.CREATE_RECORD.equals(action)) {
      errors.add(new FieldError("action", "unsupported", "'action' must be createRecord (starting a flow = creating a record of its form)"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    FormDefinition definition = forms.getLatestPublished(app, form).definition();
    JsonNode mapping = body.get("mapping");
    PayloadMapping.compile(mapping, definition, sandbox, name);
    String token = random(24);
    String secret = WebhookSignature.newSecret();
    String bearer = "thk_" + random(32);
    ObjectId id = new ObjectId();
    Instant now = clock.instant();
    store.insert(new Document("_id", id).append("app", app).append("name", name).append("action", action).append("form", form)
        .append("mapping", mapping == null || mapping.isNull() ? null : Document.parse(mapping.toString()))
        .append("token", token).append("secret", secret).append("bearerHash", sha256(bearer))
        .append("createdBy", actor.username()).append("createdAt", java.util.Date.from(now)));
    return new Trigger.Created(toTrigger(store.byToken(token).orElseThrow()), secret, bearer);
  }

  public List<Trigger> list(String app, Actor actor) {
    requireAdmin(app, actor);
    return store.ofApp(app).stream().map(TriggerService::toTrigger).toList();
  }

  public void delete(String app, String id, Actor actor) {
    requireAdmin(app, actor);
    if (!ObjectId.isValid(id) || !store.delete(app, new ObjectId(id))) {
      throw new NotFoundException("id", "App '" + app + "' has no trigger " + id);
    }
    mappings.remove(id);
  }

  /**
   * Serves one inbound call.
   *
   * @throws InvalidSignatureException 401: unsigned, wrongly signed, stale or replayed
   * @throws NotFoundException         no trigger has this token
   * @throws ValidationException       the mapped data fails the form (nothing stored)
   */
  public HookResult handle(HookCall call) {
    Document trigger = store.byToken(call.token())
        .orElseThrow(() -> new NotFoundException("token", "There is no trigger at this URL"));
    String id = trigger.getObjectId("_id").toHexString();
    String webhookId = authenticate(trigger, call);
    String key = call.header().apply("Idempotency-Key");
    if (key != null && (key.isBlank() || key.length() > 200)) {
      forgetId(id, webhookId);
      throw ValidationException.of("Idempotency-Key", "invalid", "An Idempotency-Key has 1 to 200 characters");
    }
    if (key != null) {
      Optional<TriggerStore.Earlier> earlier = store.claimKey(id, key, clock.instant());
      if (earlier.isPresent()) {
        if (!earlier.get().done()) {
          forgetId(id, webhookId);
          throw new dev.tangram.engine.common.ConflictException("Idempotency-Key", "inProgress",
              "A call with this Idempotency-Key is still being processed; retry later");
        }
        return new HookResult(earlier.get().status(), Json.MAPPER.readTree(earlier.get().body()), true);
      }
    }
    try {
      HookResult result = run(id, trigger, call.body());
      if (key != null) {
        store.completeKey(id, key, result.status(), result.body().toString());
      }
      return result;
    } catch (RuntimeException e) {
      if (key != null) {
        store.releaseKey(id, key);
      }
      forgetId(id, webhookId);
      throw e;
    }
  }

  /** Forgets expired replay markers and idempotency results. */
  public void purge() {
    Instant now = clock.instant();
    store.purge(now.minus(WebhookSignature.TOLERANCE.multipliedBy(2)), now.minus(KEYS_KEPT));
  }

  /** @return the accepted {@code webhook-id}, or null for a bearer call */
  private @Nullable String authenticate(Document trigger, HookCall call) {
    String authorization = call.header().apply("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      byte[] given = sha256(authorization.substring(7).trim()).getBytes(StandardCharsets.US_ASCII);
      if (!MessageDigest.isEqual(given, trigger.getString("bearerHash").getBytes(StandardCharsets.US_ASCII))) {
        throw new InvalidSignatureException("The bearer token is not this trigger's");
      }
      return null;
    }
    String webhookId = call.header().apply("webhook-id");
    WebhookSignature.verify(trigger.getString("secret"), webhookId, call.header().apply("webhook-timestamp"),
        call.header().apply("webhook-signature"), call.body(), clock.instant());
    if (!store.firstSight(trigger.getObjectId("_id").toHexString(), webhookId, clock.instant())) {
      throw new InvalidSignatureException("This webhook-id was accepted before (a replay)");
    }
    return webhookId;
  }

  private HookResult run(String id, Document trigger, String body) {
    JsonNode payload;
    try {
      payload = Json.MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw ValidationException.of("body", "malformedJson", "The body is not valid JSON");
    }
    String app = trigger.getString("app");
    String form = trigger.getString("form");
    PayloadMapping mapping = mappings.computeIfAbsent(id, k -> PayloadMapping.compile(mappingOf(trigger),
        forms.getLatestPublished(app, form).definition(), sandbox, trigger.getString("name")));
    ObjectNode data = mapping.apply(payload);
    Record record = records.submit(app, form, Json.MAPPER.createObjectNode().set("data", data), creator(trigger));
    ObjectNode result = Json.MAPPER.createObjectNode();
    result.putObject("record").put("id", record.id()).put("app", record.app()).put("form", record.form())
        .put("version", record.version()).put("status", record.status());
    return new HookResult(201, result, false);
  }

  private Actor creator(Document trigger) {
    String username = trigger.getString("createdBy");
    DirectoryUser user = directory.findUser(username).filter(DirectoryUser::enabled)
        .orElseThrow(() -> new ForbiddenException("The trigger's creator '" + username + "' is no longer an active user"));
    return Actor.user(user.username(), Set.copyOf(user.roles()), user.departments());
  }

  private void forgetId(String trigger, @Nullable String webhookId) {
    if (webhookId != null) {
      store.forget(trigger, webhookId);
    }
  }

  private void requireAdmin(String app, Actor actor) {
    if (!access.isAppAdmin(actor, app)) {
      throw new ForbiddenException(actor.username() + " is no admin of app '" + app + "' and may not manage its triggers");
    }
  }

  private static @Nullable JsonNode mappingOf(Document trigger) {
    Document mapping = trigger.get("mapping", Document.class);
    return mapping == null ? null : Json.MAPPER.readTree(mapping.toJson());
  }

  private static Trigger toTrigger(Document d) {
    return new Trigger(d.getObjectId("_id").toHexString(), d.getString("app"), d.getString("name"), d.getString("action"),
        d.getString("form"), "/hooks/" + d.getString("token"), mappingOf(d), d.getString("createdBy"), d.getDate("createdAt").toInstant());
  }

  private static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
