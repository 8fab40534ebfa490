package dev.tangram.engine.triggers;

import dev.tangram.engine.access.Actor;
import dev.tangram.engine.access.DirectoryUser;
import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.ForbiddenException;
import dev.tangram.engine.common.NotFoundException;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.events.Event;
import dev.tangram.engine.events.EventConsumer;
import dev.tangram.engine.events.EventOutbox;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.forms.TriggerRule;
import dev.tangram.engine.plugins.PluginRegistry;
import dev.tangram.engine.records.AppRecords;
import dev.tangram.engine.records.RecordInterceptor;
import dev.tangram.engine.records.RecordService;
import dev.tangram.engine.rules.RuleEvaluationException;
import dev.tangram.engine.rules.RuleScript;
import dev.tangram.engine.rules.ScriptSandbox;
import dev.tangram.engine.triggers.internal.ScriptApis;
import dev.tangram.engine.triggers.internal.ScriptValues;
import dev.tangram.engine.triggers.internal.TriggerLog;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the trigger rules of forms: {@code before} rules as a {@link RecordInterceptor} inside every
 * write, {@code after} rules as the {@value #NAME} event consumer. After-rules run when the event
 * is relayed — at least once; the {@link TriggerLog} makes a rule that finished for an event skip
 * it after, and the operation keys of its writes make a rerun after a crash mid-rule repeat
 * nothing. A rule that fails (its own error or a refused write) is logged with its error and not
 * retried; a failure of the store is retried by the relay. Cascades (a rule writing a record whose
 * rule writes another) go on a queue, not the stack, and are capped at {@value #MAX_DEPTH} levels.
 */
public final class TriggerRunner implements EventConsumer, RecordInterceptor {

  public static final String NAME = "triggers";
  static final int MAX_DEPTH = 8;
  static final List<String> PARAMETERS = List.of("record", "before", "event", "records", "plugins");

  private static final Logger log = LoggerFactory.getLogger(TriggerRunner.class);
  /** Events whose after-rules wait for the rule running on this thread to finish (Flowable's agenda). */
  private static final ThreadLocal<@Nullable Deque<Queued>> agenda = new ThreadLocal<>();
  private static final ThreadLocal<Integer> level = ThreadLocal.withInitial(() -> 0);

  private record Queued(Event event, int level) {}

  private final FormService forms;
  private final RecordService records;
  private final ScriptSandbox sandbox;
  private final PluginRegistry plugins;
  private final OrgDirectory directory;
  private final TriggerLog runs;
  private final Clock clock;
  private final Map<String, RuleScript> scripts = new ConcurrentHashMap<>();

  public TriggerRunner(FormService forms, RecordService records, ScriptSandbox sandbox, PluginRegistry plugins,
      OrgDirectory directory, com.mongodb.client.MongoDatabase database, Clock clock) {
    this.forms = forms;
    this.directory = directory;
    this.records = records;
    this.sandbox = sandbox;
    this.plugins = plugins;
    this.runs = new TriggerLog(database);
    this.clock = clock;
  }

  /** Hooks the runner into the record service and the outbox. */
  public TriggerRunner install(EventOutbox outbox) {
    records.addInterceptor(this);
    outbox.register(this);
    return this;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void beforeWrite(PendingWrite write) {
    for (TriggerRule rule : write.definition().triggers()) {
      if (!"before".equals(rule.phase()) || !rule.reactsTo(write.type())) {
        continue;
      }
      AppRecords app = records.forApp(write.app(), "rule:" + rule.name());
      Map<String, @Nullable Object> event = eventMap(write.type(), write.app(), write.form(), write.recordId(), write.actor(), write.status());
      Object result;
      try {
        result = run(write.app(), write.form(), rule, write.after(), write.before(), event, ScriptApis.records(app, null), null);
      } catch (RuleEvaluationException e) {
        throw ValidationException.of("", "rule", "Rule '" + rule.name() + "' failed (line " + e.line() + "): " + e.detail());
      }
      refuseIfAsked(rule, result);
    }
  }

  @Override
  public void accept(Event event) {
    Deque<Queued> queued = agenda.get();
    if (queued != null) { // written by a rule: its rules run after this one, not inside it
      queued.add(new Queued(event, level.get() + 1));
      throw new EventConsumer.Deferred();
    }
    Deque<Queued> work = new ArrayDeque<>();
    agenda.set(work);
    try {
      runAfterRules(event, 0);
      for (Queued next = work.poll(); next != null; next = work.poll()) {
        runAfterRules(next.event(), next.level());
      }
    } finally {
      agenda.remove();
      level.remove();
    }
  }

  private void runAfterRules(Event event, int depth) {
    level.set(depth);
    if (event.form() == null) {
      return;
    }
    FormDefinition definition;
    try {
      definition = forms.getLatestPublished(event.app(), event.form()).definition();
    } catch (NotFoundException gone) {
      return; // the app or form was removed since
    }
    for (TriggerRule rule : definition.triggers()) {
      if (!"after".equals(rule.phase()) || !rule.reactsTo(event.type()) || runs.finished(event.id().toHexString(), rule.name())) {
        continue;
      }
      runAfter(event, rule, depth);
    }
  }

  /** The log of a rule's run for an event: state done or failed, and the error. */
  public @Nullable Document runOf(String eventId, String rule) {
    return runs.entry(eventId, rule);
  }

  private void runAfter(Event event, TriggerRule rule, int depth) {
    String actor = "rule:" + rule.name();
    AppRecords app = records.forApp(event.app(), actor);
    String operations = event.id().toHexString() + ":" + rule.name();
    String error = null;
    if (depth >= MAX_DEPTH) {
      error = "Stopped: rules wrote records whose rules wrote records " + MAX_DEPTH + " levels deep; look for a loop";
    } else {
      try {
        String once = "once:" + event.app() + "." + event.form() + "." + event.recordId() + ":" + rule.name();
        run(event.app(), event.form(), rule, event.data(), event.before(),
            eventMap(event.type(), event.app(), event.form(), event.recordId(), event.actor(), event.status()),
            ScriptApis.records(app, operations, event.recordId() == null ? null : once, other -> otherApp(other, event)),
            ScriptApis.plugins(plugins, app, actor));
      } catch (RuleEvaluationException e) {
        error = "line " + e.line() + ": " + e.detail();
      } catch (ValidationException e) {
        error = e.errors().stream().map(FieldError::message).reduce((a, b) -> a + "; " + b).orElse("refused");
      } catch (ForbiddenException | NotFoundException e) {
        error = e.getMessage();
      }
    }
    if (error != null) {
      log.warn("After-rule '{}' of {}.{} failed on {} {}: {}", rule.name(), event.app(), event.form(), event.type(), event.recordId(), error);
    }
    runs.record(event.id().toHexString(), rule.name(), event.app(), event.form(), event.recordId(), error, clock.instant());
  }

  /**
   * Another app's records for an after-rule, acting as the user who caused the event (or, when the
   * engine caused it — a flow ending —, the record's author): a rule of one app never writes into
   * another with more rights than that user has there. Null when the app has no forms.
   */
  private @Nullable AppRecords otherApp(String key, Event event) {
    if (forms.formKeys(key).isEmpty()) {
      return null;
    }
    Optional<DirectoryUser> user = directory.findUser(event.actor()).filter(DirectoryUser::enabled);
    if (user.isEmpty() && event.details().getString("createdBy") != null) {
      user = directory.findUser(event.details().getString("createdBy")).filter(DirectoryUser::enabled);
    }
    DirectoryUser onBehalf = user.orElseThrow(() -> new ForbiddenException("No enabled user caused this "
        + event.type() + " or wrote the record, so nobody's permissions allow writing into app '" + key + "'"));
    return records.forApp(key, Actor.user(onBehalf.username(), Set.copyOf(onBehalf.roles()), onBehalf.departments()));
  }

  private @Nullable Object run(String app, String form, TriggerRule rule, @Nullable Document after, @Nullable Document before,
      Map<String, @Nullable Object> event, Object recordsApi, @Nullable Object pluginsApi) {
    RuleScript script = scripts.computeIfAbsent(app + "." + form + "." + rule.name() + "#" + rule.script().hashCode(),
        k -> sandbox.compile("rule '" + rule.name() + "'", RuleScript.Kind.BODY, rule.script(), PARAMETERS));
    Map<String, @Nullable Object> arguments = new HashMap<>();
    arguments.put("record", ScriptValues.fromStored(after));
    arguments.put("before", ScriptValues.fromStored(before));
    arguments.put("event", event);
    arguments.put("records", recordsApi);
    arguments.put("plugins", pluginsApi);
    return sandbox.evaluate(script, arguments);
  }

  private static void refuseIfAsked(TriggerRule rule, @Nullable Object result) {
    if (result instanceof String message && !message.isBlank()) {
      throw ValidationException.of("", "rule", message);
    }
    if (result instanceof Map<?, ?> refusal && refusal.get("message") instanceof String message) {
      Object field = refusal.get("field");
      throw ValidationException.of(field instanceof String f ? f : "", "rule", message);
    }
  }

  private static Map<String, @Nullable Object> eventMap(String type, String app, @Nullable String form, @Nullable String recordId,
      String actor, @Nullable String status) {
    Map<String, @Nullable Object> map = new LinkedHashMap<>();
    map.put("type", type);
    map.put("app", app);
    map.put("form", form);
    map.put("recordId", recordId);
    map.put("actor", actor);
    map.put("status", status);
    return map;
  }
}
