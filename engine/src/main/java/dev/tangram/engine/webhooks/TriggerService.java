package dev.tangram.engine.webhooks;

import dev.tangram.engine.access.AccessPolicy;
import dev.tangram.engine.access.Actor;
import dev.tangram.engine.access.DirectoryUser;
import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.engine.common.ConflictException;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.ForbiddenException;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.common.NotFoundException;
import dev.tangram.engine.common.TangramException;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.flows.FlowQueries;
import dev.tangram.engine.flows.FlowTask;
import dev.tangram.engine.flows.FlowTasks;
import dev.tangram.engine.flows.TaskRequest;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.records.Record;
import dev.tangram.engine.records.RecordPage;
import dev.tangram.engine.records.RecordQuery;
import dev.tangram.engine.records.RecordService;
import dev.tangram.engine.rules.ScriptSandbox;
import dev.tangram.engine.webhooks.internal.PayloadMapping;
import dev.tangram.engine.webhooks.internal.TaskCompletion;
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
 * Inbound triggers: app admins create them; {@link #handle} serves {@code POST /hooks/{token}}. A
 * trigger creates a record (which starts its form's flow) or approves/rejects the open task of a
 * record, acting as its configured user.
 * A call is authenticated by a Standard Webhooks signature with the trigger's secret (timestamp
 * within 5 minutes, each {@code webhook-id} accepted once) or by the trigger's bearer token; an
 * {@code Idempotency-Key} returns the first call's result instead of creating a second record.
 * Whatever is refused (401, 422 …) stores nothing.
 */
public final class TriggerService {

  private static final Set<String> MEMBERS = Set.of("name", "action", "form", "mapping", "task", "user");
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
  private final Map<String, TaskCompletion> completions = new ConcurrentHashMap<>();
  private volatile @Nullable FlowTasks flowTasks;
  private volatile @Nullable FlowQueries flowQueries;

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

  /** Lets {@code completeTask} triggers act on flow tasks (the flows feature is wired after this one). */
  public void useFlows(FlowTasks tasks, FlowQueries queries) {
    this.flowTasks = tasks;
    this.flowQueries = queries;
  }

  /**
   * {@code {"name", "action": "createRecord", "form", "mapping"?, "user"?}} or
   * {@code {"name", "action": "completeTask", "form", "task": {…}, "user"?}}; {@code user} (default:
   * the creator) is who the calls act as. Secret and bearer token are shown only here.
   */
  public Trigger.Created create(String app, JsonNode body, Actor actor) {
    requireAdmin(app, actor);
    Bodies.requireObject(body, MEMBERS);
    List<FieldError> errors = new ArrayList<>();
    String name = Bodies.string(body, "name", true, errors);
    String action = Bodies.string(body, "action", true, errors);
    String form = Bodies.string(body, "form", true, errors);
    String user = Bodies.string(body, "user", false, errors);
    if (action != null && !Trigger.CREATE_RECORD.equals(action) && !Trigger.COMPLETE_TASK.equals(action)) {
      errors.add(new FieldError("action", "unsupported",
          "'action' must be createRecord (starting a flow = creating a record of its form) or completeTask"));
    }
    if (Trigger.CREATE_RECORD.equals(action) && body.has("task")) {
      errors.add(new FieldError("task", "unexpected", "'task' belongs to completeTask triggers; createRecord takes 'mapping'"));
    }
    if (Trigger.COMPLETE_TASK.equals(action) && body.has("mapping")) {
      errors.add(new FieldError("mapping", "unexpected", "'mapping' belongs to createRecord triggers; completeTask takes 'task'"));
    }
    if (user != null && directory.findUser(user).filter(DirectoryUser::enabled).isEmpty()) {
      errors.add(new FieldError("user", "unknownUser", "There is no active user '" + user + "' for the trigger to act as"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    FormDefinition definition = forms.getLatestPublished(app, form).definition();
    JsonNode mapping = body.get("mapping");
    JsonNode task = body.get("task");
    if (Trigger.COMPLETE_TASK.equals(action)) {
      TaskCompletion.compile(task, definition);
    } else {
      PayloadMapping.compile(mapping, definition, sandbox, name);
    }
    String token = random(24);
    String secret = WebhookSignature.newSecret();
    String bearer = "thk_" + random(32);
    ObjectId id = new ObjectId();
    Instant now = clock.instant();
    store.insert(new Document("_id", id).append("app", app).append("name", name).append("action", action).append("form", form)
        .append("mapping", mapping == null || mapping.isNull() ? null : Document.parse(mapping.toString()))
        .append("task", task == null || task.isNull() ? null : Document.parse(task.toString())).append("user", user)
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
    completions.remove(id);
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
    try {
      HookResult result = serve(id, trigger, call);
      store.logCall(id, clock.instant(), result.status(), result.body().at("/record/id").asString(null),
          result.replayed() ? "Replayed the result of an earlier call with the same Idempotency-Key" : "Record created");
      return result;
    } catch (TangramException | InvalidSignatureException e) {
      store.logCall(id, clock.instant(), statusOf(e), null, e.getMessage() == null ? e.toString() : e.getMessage());
      throw e;
    }
  }

  /** The trigger's latest calls (at most 50), newest first; for the app's admins. */
  public List<Trigger.Call> calls(String app, String id, Actor actor) {
    requireAdmin(app, actor);
    if (!ObjectId.isValid(id) || store.ofApp(app).stream().noneMatch(t -> t.getObjectId("_id").toHexString().equals(id))) {
      throw new NotFoundException("id", "App '" + app + "' has no trigger " + id);
    }
    return store.recentCalls(id, 50).stream().map(d -> new Trigger.Call(d.getDate("at").toInstant(), d.getInteger("status", 0),
        d.getString("recordId"), d.getString("message"))).toList();
  }

  private static int statusOf(RuntimeException e) {
    return switch (e) {
      case InvalidSignatureException x -> 401;
      case ValidationException x -> 422;
      case dev.tangram.engine.common.ConflictException x -> 409;
      case ForbiddenException x -> 403;
      case NotFoundException x -> 404;
      default -> 500;
    };
  }

  private HookResult serve(String id, Document trigger, HookCall call) {
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
          throw new ConflictException("Idempotency-Key", "inProgress",
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
    if (Trigger.COMPLETE_TASK.equals(trigger.getString("action"))) {
      return completeTask(id, trigger, payload);
    }
    String app = trigger.getString("app");
    String form = trigger.getString("form");
    PayloadMapping mapping = mappings.computeIfAbsent(id, k -> PayloadMapping.compile(mappingOf(trigger),
        forms.getLatestPublished(app, form).definition(), sandbox, trigger.getString("name")));
    ObjectNode data = mapping.apply(payload);
    Record record = records.submit(app, form, Json.MAPPER.createObjectNode().set("data", data), actingUser(trigger));
    return new HookResult(201, recordResult(record), false);
  }

  /**
   * Approves or rejects the open task of the record the payload names, as the trigger's user, through
   * the flows feature's own task actions (their checks and timeline included).
   */
  private HookResult completeTask(String id, Document trigger, JsonNode payload) {
    FlowTasks tasks = flowTasks;
    FlowQueries queries = flowQueries;
    if (tasks == null || queries == null) {
      throw new ConflictException("action", "flowsUnavailable", "Flows do not run on this node, so trigger '" + trigger.getString("name")
          + "' cannot complete tasks");
    }
    String app = trigger.getString("app");
    String form = trigger.getString("form");
    TaskCompletion completion = completions.computeIfAbsent(id, k -> TaskCompletion.compile(taskOf(trigger),
        forms.getLatestPublished(app, form).definition()));
    TaskCompletion.Request request = completion.resolve(payload);
    Actor actor = actingUser(trigger);
    String recordId = request.recordId() != null ? records.get(app, form, request.recordId(), actor).id() : findRecord(app, form, request, actor);
    List<FlowTask> open = queries.openTasks(app, form, recordId, actor);
    if (open.isEmpty()) {
      throw new ConflictException("record", "noOpenTask", "Cannot " + request.decision() + ": record " + recordId + " of form '" + form
          + "' has no open task");
    }
    List<FlowTask> candidates = new ArrayList<>(open.stream().filter(t -> actor.username().equals(t.assignee())).toList());
    candidates.addAll(open.stream().filter(t -> t.assignee() == null).toList()); // open to candidates: the flows decide
    for (FlowTask task : candidates) {
      try {
        tasks.act(task.id(), request.decision(), TaskRequest.comment(request.comment()), actor);
      } catch (ForbiddenException notTheirs) {
        continue;
      }
      ObjectNode result = recordResult(records.get(app, form, recordId, actor));
      result.putObject("task").put("id", task.id()).put("node", task.node()).put("name", task.name())
          .put("decision", request.decision()).put("by", actor.username());
      return new HookResult(200, result, false);
    }
    throw new ForbiddenException("Cannot " + request.decision() + " the open task of record " + recordId + ": " + actor.username()
        + " is not its assignee (" + open.stream().map(t -> "'" + t.name() + "'" + (t.assignee() == null ? "" : " assigned to " + t.assignee()))
        .reduce((a, b) -> a + ", " + b).orElse("") + ")");
  }

  /** The one record whose field has the payload's value, as the trigger's user may see it. */
  private String findRecord(String app, String form, TaskCompletion.Request request, Actor actor) {
    RecordPage found = records.query(app, form, new RecordQuery(List.of(new RecordQuery.Filter(request.field(), "eq", request.value())),
        List.of(), 0, 2), actor);
    if (found.total() == 0) {
      throw new NotFoundException("record", "Form '" + form + "' has no record with " + request.field() + " = " + request.value());
    }
    if (found.total() > 1) {
      throw new ConflictException("record", "ambiguous", "Form '" + form + "' has " + found.total() + " records with " + request.field()
          + " = " + request.value() + "; map a field that is unique");
    }
    return found.items().getFirst().id();
  }

  private static ObjectNode recordResult(Record record) {
    ObjectNode result = Json.MAPPER.createObjectNode();
    result.putObject("record").put("id", record.id()).put("app", record.app()).put("form", record.form())
        .put("version", record.version()).put("status", record.status());
    return result;
  }

  /** Who the calls act as: the configured user, else the creator; refused (403) once that user is disabled. */
  private Actor actingUser(Document trigger) {
    String username = trigger.getString("user") != null ? trigger.getString("user") : trigger.getString("createdBy");
    DirectoryUser user = directory.findUser(username).filter(DirectoryUser::enabled)
        .orElseThrow(() -> new ForbiddenException("The trigger's user '" + username + "' is no longer an active user"));
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

  private static @Nullable JsonNode taskOf(Document trigger) {
    Document task = trigger.get("task", Document.class);
    return task == null ? null : Json.MAPPER.readTree(task.toJson());
  }

  private static Trigger toTrigger(Document d) {
    return new Trigger(d.getObjectId("_id").toHexString(), d.getString("app"), d.getString("name"), d.getString("action"),
        d.getString("form"), "/hooks/" + d.getString("token"), mappingOf(d), taskOf(d),
        d.getString("user") != null ? d.getString("user") : d.getString("createdBy"), d.getString("createdBy"),
        d.getDate("createdAt").toInstant());
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
