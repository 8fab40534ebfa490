package dev.tangram.engine.records;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.tangram.engine.access.AccessPolicy;
import dev.tangram.engine.access.Actor;
import dev.tangram.engine.access.FieldAccess;
import dev.tangram.engine.access.FormAccess;
import dev.tangram.engine.access.Operation;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.common.TangramException;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.forms.PostingRule;
import dev.tangram.engine.records.internal.Postings;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import org.bson.conversions.Bson;
import dev.tangram.engine.common.ConflictException;
import dev.tangram.engine.common.ForbiddenException;
import dev.tangram.engine.events.Event;
import dev.tangram.engine.events.EventOutbox;
import dev.tangram.engine.events.EventTypes;
import dev.tangram.engine.forms.FieldDefinition;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.forms.FormVersion;
import dev.tangram.engine.records.internal.RecordAggregator;
import dev.tangram.engine.records.internal.RecordCollections;
import dev.tangram.engine.records.internal.RecordGuard;
import dev.tangram.engine.records.internal.RecordHistory;
import dev.tangram.engine.records.internal.RecordPreparation;
import dev.tangram.engine.records.internal.RecordReads;
import dev.tangram.engine.records.internal.SerialNumberAllocator;
import dev.tangram.engine.rules.FormulaEngine;
import dev.tangram.engine.schema.CompiledForm;
import dev.tangram.engine.schema.CompiledFormCache;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.function.Predicate;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes and reads records. Every write validates the complete data against the form's compiled
 * schema first, so a refused write changes nothing; then it makes one single-document write to
 * the record collection that also carries the change's event, which the {@link EventOutbox} relays
 * to the history and every other consumer.
 */
public final class RecordService {

  /** Status of a record of a form that has no flow. */
  public static final String ACTIVE = "active";
  /** Status of a record whose flow is running. */
  public static final String IN_APPROVAL = "in_approval";
  /** Status of a record saved but not yet submitted into its flow. */
  public static final String DRAFT = "draft";
  private static final int PATCH_ATTEMPTS = 5;
  private static final int INCREMENT_ATTEMPTS = 50;
  private static final int MAX_REMEMBERED_OPERATIONS = 1000;
  /** Field of a record holding the keys of the operations recently applied to it (increments). */
  private static final String OPERATIONS = "_ops";

  private final MongoDatabase database;
  private final FormService forms;
  private final CompiledFormCache compiled;
  private final RecordPreparation preparation;
  private final RecordHistory history;
  private final SerialNumberAllocator serials;
  private final RecordReads reads;
  private final AccessPolicy access;
  private final EventOutbox outbox;
  private final Postings postings;
  private final Clock clock;
  private volatile RecordLifecycle lifecycle = RecordLifecycle.WITHOUT_FLOWS;
  private final List<RecordInterceptor> interceptors = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * @param formulas computes formula fields on every write; null leaves them empty
   * @param outbox   receives every change's event; this service registers the history on it
   */
  public RecordService(MongoDatabase database, FormService forms, CompiledFormCache compiled, AccessPolicy access,
      @Nullable FormulaEngine formulas, EventOutbox outbox, Clock clock) {
    this.database = database;
    this.outbox = outbox;
    this.access = access;
    this.forms = forms;
    this.compiled = compiled;
    this.preparation = new RecordPreparation(database, formulas);
    this.history = new RecordHistory(database);
    this.serials = new SerialNumberAllocator(database);
    this.reads = new RecordReads(database, forms, compiled);
    this.clock = clock;
    this.postings = new Postings(database, new PostingTargets(), clock);
    outbox.register(history);
    outbox.addRecoveryTask(() -> postings.recover((entry, operation) -> {
      Document source = reads.findDocument(entry.getString("app"), entry.getString("form"), entry.getObjectId("recordId").toHexString());
      return source != null && operation.equals(source.getString(Postings.OPERATION));
    }));
  }

  /** Adds a check that sees every write before it is stored (before-trigger rules). */
  public void addInterceptor(RecordInterceptor interceptor) {
    interceptors.add(interceptor);
  }

  private void intercept(String app, String form, FormDefinition definition, String type, ObjectId id,
      @Nullable Document after, @Nullable Document before, String status, String actor) {
    if (!interceptors.isEmpty()) {
      var write = new RecordInterceptor.PendingWrite(app, form, definition, type, id.toHexString(), after, before, status, actor);
      interceptors.forEach(i -> i.beforeWrite(write));
    }
  }

  /** Lets the flows feature decide the status new records start in. */
  public void setLifecycle(RecordLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  /** Submits {@code body = {"data": {...}}} as a new record of the latest published version. */
  public Record submit(String app, String form, JsonNode body, Actor actor) {
    return submit(app, form, body, false, actor);
  }

  /**
   * Submits a new record; with {@code draft} it is saved as a draft of a form with a flow (status
   * {@value #DRAFT}), to be sent into its flow later.
   */
  public Record submit(String app, String form, JsonNode body, boolean draft, Actor actor) {
    var data = RecordReads.dataOf(body);
    FormAccess allowed = access.forForm(actor, app, form);
    RecordGuard.requireForm(allowed, Operation.SUBMIT, form);
    RecordGuard.requireEditable(allowed, data);
    return RecordGuard.visible(allowed, create(app, form, data, draft, actor, new ObjectId()));
  }

  /** Validates, posts and inserts a new record with id {@code id}; a duplicate id is a 409. */
  private Record create(String app, String form, ObjectNode data, boolean draft, Actor actor, ObjectId id) {
    CompiledForm version = compiled.get(forms.getLatestPublished(app, form));
    FormDefinition definition = version.version().definition();
    Document stored = preparation.forSubmit(version, data);
    assignSerials(app, form, version.version(), stored);
    Instant now = clock.instant();
    String status = lifecycle.initialStatus(app, form, draft);
    intercept(app, form, definition, EventTypes.RECORD_CREATED, id, stored, null, status, actor.username());
    String department = actor.departments().isEmpty() ? null : actor.departments().getFirst();
    Document event = outbox.stage(withOwner(Event.ofRecord(EventTypes.RECORD_CREATED, app, form, id, 1L, status, actor.username(), now, stored, null),
        actor.username(), department));
    Document record = new Document("_id", id).append("app", app).append("form", form)
        .append("formVersion", version.version().version()).append("data", stored).append("status", status)
        .append("createdBy", actor.username()).append("ownerDepartment", department)
        .append("createdAt", Date.from(now))
        .append("updatedBy", actor.username()).append("updatedAt", Date.from(now)).append("version", 1L)
        .append(EventOutbox.OUTBOX, List.of(event));
    MongoCollection<Document> records = reads.collection(version);
    List<Postings.Step> steps = List.of();
    String operation = new ObjectId().toHexString();
    if (!definition.postings().isEmpty()) {
      List<Document> effects = postings.effects(app, definition, stored, status);
      steps = postings.plan(definition, List.of(), effects);
      record.append(Postings.STATE, effects).append(Postings.OPERATION, operation);
    }
    postings.apply(app, form, id, steps, operation, actor.username(), () -> {
      insert(records, record);
      return record;
    }, () -> new IllegalStateException("unreachable"));
    outbox.relay(records, id, List.of(event));
    return reads.toRecord(definition, record);
  }

  public Record get(String app, String form, String id, Actor actor) {
    FormAccess allowed = access.forForm(actor, app, form);
    RecordGuard.requireForm(allowed, Operation.VIEW, form);
    Document d = reads.getDocument(app, form, id);
    RecordGuard.requireRow(allowed, Operation.VIEW, d, form, id);
    return RecordGuard.visible(allowed, reads.toRecord(forms.getVersion(app, form, d.getInteger("formVersion")).definition(), d));
  }

  /**
   * Applies a JSON merge patch {@code body = {"data": {...}}} to the record's data. With
   * {@code expectedVersion} (the {@code If-Match} header) a record changed since is a 409.
   */
  public Record patch(String app, String form, String id, JsonNode body, @Nullable Long expectedVersion, Actor actor) {
    var patch = RecordReads.dataOf(body);
    FormAccess allowed = access.forForm(actor, app, form);
    RecordGuard.requireForm(allowed, Operation.EDIT, form);
    RecordGuard.requireEditable(allowed, patch);
    for (int attempt = 1; ; attempt++) {
      Document current = reads.getDocument(app, form, id);
      RecordGuard.requireRow(allowed, Operation.EDIT, current, form, id);
      if (IN_APPROVAL.equals(current.getString("status")) && !actor.system()) {
        // in approval, changes go through the task (with the node's field permissions), not around it
        throw new ConflictException("status", "inApproval", "Record " + id + " is in approval; change it through its approval task, or withdraw it first");
      }
      long version = ((Number) current.get("version")).longValue();
      requireVersion(id, expectedVersion, version);
      CompiledForm compiledForm = compiled.get(forms.getVersion(app, form, current.getInteger("formVersion")));
      Document before = current.get("data", Document.class);
      Document after = preparation.forPatch(compiledForm, reads.dataJson(compiledForm, before), patch.deepCopy());
      if (after.equals(before)) { // nothing changes: no new version, no event
        return RecordGuard.visible(allowed, reads.toRecord(compiledForm.version().definition(), current));
      }
      Document updated = write(compiledForm, current, after, current.getString("status"), actor.username(), new Document());
      if (updated != null) {
        return RecordGuard.visible(allowed, reads.toRecord(compiledForm.version().definition(), updated));
      }
      // Someone else wrote in between. Without If-Match we merge again onto the newer data.
      if (expectedVersion != null || attempt >= PATCH_ATTEMPTS) {
        throw staleVersion(id, expectedVersion == null ? version : expectedVersion);
      }
    }
  }

  public void delete(String app, String form, String id, @Nullable Long expectedVersion, Actor actor) {
    FormAccess allowed = access.forForm(actor, app, form);
    RecordGuard.requireForm(allowed, Operation.DELETE, form);
    Document current = reads.getDocument(app, form, id);
    RecordGuard.requireRow(allowed, Operation.DELETE, current, form, id);
    long version = ((Number) current.get("version")).longValue();
    requireVersion(id, expectedVersion, version);
    MongoCollection<Document> records = database.getCollection(RecordCollections.records(app, form));
    ObjectId recordId = current.getObjectId("_id");
    List<Postings.Step> steps = List.of();
    FormDefinition definition = forms.getVersion(app, form, current.getInteger("formVersion")).definition();
    intercept(app, form, definition, EventTypes.RECORD_DELETED, recordId, null, current.get("data", Document.class),
        current.getString("status"), actor.username());
    if (current.containsKey(Postings.STATE)) { // a deleted record's postings are reversed
      steps = postings.plan(definition, current.getList(Postings.STATE, Document.class, List.of()), List.of());
    }
    ObjectId event = outbox.beginDelete(withOwner(Event.ofRecord(EventTypes.RECORD_DELETED, app, form, recordId, version + 1,
        current.getString("status"), actor.username(), clock.instant(), null, current.get("data", Document.class)),
        current.getString("createdBy"), current.getString("ownerDepartment")));
    String operation = new ObjectId().toHexString();
    try {
      postings.apply(app, form, recordId, steps, operation, actor.username(), () -> {
        // mark the operation first, so recovery knows the deletion (not yet done) owns these steps
        if (records.updateOne(Filters.and(Filters.eq("_id", recordId), Filters.eq("version", version)),
            Updates.set(Postings.OPERATION, operation)).getMatchedCount() == 0) {
          return null;
        }
        return records.deleteOne(Filters.and(Filters.eq("_id", recordId), Filters.eq("version", version))).getDeletedCount() == 0
            ? null : Boolean.TRUE;
      }, () -> staleVersion(id, version));
    } catch (RuntimeException e) {
      outbox.abandon(event);
      throw e;
    }
    outbox.confirm(event);
  }

  /**
   * Moves a record to {@code status} as the system (a flow ending, a draft sent into its flow),
   * optionally merging {@code patch} into its data. Permissions are the caller's business: the
   * flows feature checks the node's field permissions before. With {@code expectedVersion}, a
   * record changed since is a 409.
   *
   * @param details added to the event (e.g. the flow's outcome)
   */
  public Record changeStatus(String app, String form, String id, String status, @Nullable ObjectNode patch,
      @Nullable Long expectedVersion, String actor, Document details) {
    Document current = reads.getDocument(app, form, id);
    requireVersion(id, expectedVersion, ((Number) current.get("version")).longValue());
    return changeStatus(compiled.get(forms.getVersion(app, form, current.getInteger("formVersion"))), current, status, patch, actor, details);
  }

  /**
   * {@link #changeStatus} without a patch, if {@code when} holds for the record as it is read (one
   * read for both); null, and nothing changed, if not.
   */
  public @Nullable Record changeStatusIf(String app, String form, String id, Predicate<Record> when, String status, String actor,
      Document details) {
    Document current = reads.getDocument(app, form, id);
    CompiledForm compiledForm = compiled.get(forms.getVersion(app, form, current.getInteger("formVersion")));
    if (!when.test(reads.toRecord(compiledForm.version().definition(), current))) {
      return null;
    }
    return changeStatus(compiledForm, current, status, null, actor, details);
  }

  private Record changeStatus(CompiledForm compiledForm, Document current, String status, @Nullable ObjectNode patch, String actor,
      Document details) {
    Document before = current.get("data", Document.class);
    Document after = patch == null ? before
        : preparation.forPatch(compiledForm, reads.dataJson(compiledForm, before), patch.deepCopy());
    Document updated = write(compiledForm, current, after, status, actor,
        new Document(details).append("statusFrom", current.getString("status")).append("statusTo", status));
    if (updated == null) {
      throw staleVersion(current.getObjectId("_id").toHexString(), ((Number) current.get("version")).longValue());
    }
    return reads.toRecord(compiledForm.version().definition(), updated);
  }

  /** The record's owner in the event's details, so consumers can apply row scopes even to a deleted record. */
  private static Event withOwner(Event event, @Nullable String createdBy, @Nullable String ownerDepartment) {
    event.details().append("createdBy", createdBy).append("ownerDepartment", ownerDepartment);
    return event;
  }

  /** Reads a record as the system, without permission checks (flows, triggers, plugins). */
  public Record getUnconstrained(String app, String form, String id) {
    Document d = reads.getDocument(app, form, id);
    return reads.toRecord(forms.getVersion(app, form, d.getInteger("formVersion")).definition(), d);
  }

  /** One guarded update of data and status with its event and postings; null if the record changed since it was read. */
  private @Nullable Document write(CompiledForm form, Document current, Document after, String status, String actor, Document details) {
    return write(form, current, after, status, actor, details, List.of());
  }

  private @Nullable Document write(CompiledForm form, Document current, Document after, String status, String actor, Document details,
      List<Bson> extraUpdates) {
    long version = ((Number) current.get("version")).longValue();
    ObjectId recordId = current.getObjectId("_id");
    Instant now = clock.instant();
    FormVersion v = form.version();
    FormDefinition definition = v.definition();
    intercept(v.app(), v.form(), definition, EventTypes.RECORD_UPDATED, recordId, after, current.get("data", Document.class), status, actor);
    Event event = Event.ofRecord(EventTypes.RECORD_UPDATED, v.app(), v.form(), recordId, version + 1, status, actor, now,
        after, current.get("data", Document.class));
    Document staged = outbox.stage(withOwner(new Event(event.id(), event.type(), event.app(), event.form(), event.recordId(),
        event.recordVersion(), event.status(), event.actor(), event.at(), event.data(), event.before(), details),
        current.getString("createdBy"), current.getString("ownerDepartment")));
    List<Bson> updates = new ArrayList<>(List.of(Updates.set("data", after), Updates.set("status", status), Updates.set("updatedBy", actor),
        Updates.set("updatedAt", Date.from(now)), Updates.inc("version", 1L),
        Updates.push(EventOutbox.OUTBOX, staged)));
    updates.addAll(extraUpdates);
    List<Postings.Step> steps = List.of();
    String operation = new ObjectId().toHexString();
    if (!definition.postings().isEmpty() || current.containsKey(Postings.STATE)) {
      List<Document> effects = postings.effects(v.app(), definition, after, status);
      steps = postings.plan(definition, current.getList(Postings.STATE, Document.class, List.of()), effects);
      updates.add(Updates.set(Postings.STATE, effects));
      updates.add(Updates.set(Postings.OPERATION, operation));
    }
    MongoCollection<Document> records = reads.collection(form);
    Document updated;
    try {
      updated = postings.apply(v.app(), v.form(), recordId, steps, operation, actor, () -> {
        try {
          return records.findOneAndUpdate(Filters.and(Filters.eq("_id", recordId), Filters.eq("version", version)),
              Updates.combine(updates), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        } catch (MongoException e) {
          throw duplicateOr(e);
        }
      }, StaleWrite::new);
    } catch (StaleWrite stale) {
      return null;
    }
    outbox.relay(records, recordId, List.of(staged));
    return updated;
  }

  /** The record changed between read and write; the caller reads again or answers 409. */
  private static final class StaleWrite extends RuntimeException {
    StaleWrite() {
      super(null, null, false, false);
    }
  }

  /**
   * Adds {@code deltas} under the record's version guard, retrying on concurrent writes; with an
   * {@code operationKey}, once (the record keeps its recent operation keys).
   */
  private Record increment(String app, String form, ObjectId id, Map<String, BigDecimal> deltas, @Nullable String operationKey,
      PostingRule.@Nullable Floor floor, String actor) {
    for (int attempt = 1; ; attempt++) {
      Document current = reads.getDocument(app, form, id.toHexString());
      CompiledForm compiledForm = compiled.get(forms.getVersion(app, form, current.getInteger("formVersion")));
      FormDefinition definition = compiledForm.version().definition();
      List<String> done = current.getList(OPERATIONS, String.class, List.of());
      if (operationKey != null && done.contains(operationKey)) {
        return reads.toRecord(definition, current);
      }
      Document data = current.get("data", Document.class);
      ObjectNode patch = Json.MAPPER.createObjectNode();
      for (var d : deltas.entrySet()) {
        FieldDefinition field = definition.findField(d.getKey()).orElseThrow(() -> ValidationException.of(d.getKey(), "unknownField",
            "Form '" + form + "' has no field '" + d.getKey() + "' to add to"));
        if (!"number".equals(field.type()) && !"money".equals(field.type())) {
          throw ValidationException.of(d.getKey(), "type", "Only number and money fields can be added to, not '" + d.getKey() + "'");
        }
        BigDecimal value = Postings.decimal(data.get(d.getKey())).add(d.getValue());
        if (floor != null && floor.field().equals(d.getKey()) && d.getValue().signum() < 0 && value.compareTo(floor.min()) < 0) {
          throw ValidationException.of(d.getKey(), "belowMinimum", floorMessage(floor, definition, data, value));
        }
        patch.put(d.getKey(), value);
      }
      Document after = preparation.forPatch(compiledForm, reads.dataJson(compiledForm, data), patch);
      List<String> operations = new ArrayList<>(done);
      if (operationKey != null) {
        operations.add(operationKey);
      }
      if (operations.size() > MAX_REMEMBERED_OPERATIONS) {
        operations = operations.subList(operations.size() - MAX_REMEMBERED_OPERATIONS, operations.size());
      }
      Document updated = write(compiledForm, current, after, current.getString("status"), actor,
          new Document("increment", Postings.toStoredDeltas(deltas)), List.of(Updates.set(OPERATIONS, operations)));
      if (updated != null) {
        return reads.toRecord(definition, updated);
      }
      if (attempt >= INCREMENT_ATTEMPTS) {
        throw new ConflictException("id", "busy", "Record " + id + " of '" + form + "' is changed by too many writers at once; try again");
      }
    }
  }

  private static String floorMessage(PostingRule.Floor floor, FormDefinition target, Document data, BigDecimal value) {
    String message = floor.message() != null ? floor.message()
        : "This would take '" + floor.field() + "' of " + target.name() + " to " + value.stripTrailingZeros().toPlainString()
            + ", below " + floor.min().stripTrailingZeros().toPlainString();
    for (String key : data.keySet()) {
      message = message.replace("{" + key + "}", String.valueOf(data.get(key)));
    }
    return message;
  }

  /** Reads a record's stored data as the system. */
  private Optional<Document> storedData(String app, String form, String id) {
    return Optional.ofNullable(reads.findDocument(app, form, id)).map(d -> d.get("data", Document.class));
  }

  /** How postings reach their target records. */
  private final class PostingTargets implements Postings.Targets {

    @Override
    public ObjectId findOrCreate(String app, String form, Document match, String actor) {
      Bson filter = Filters.and(match.entrySet().stream().map(e -> Filters.eq("data." + e.getKey(), e.getValue())).toList());
      Document found = database.getCollection(RecordCollections.records(app, form)).find(filter).projection(new Document("_id", 1)).first();
      if (found != null) {
        return found.getObjectId("_id");
      }
      // One id per key, so two writers creating the same target at once end with one record.
      ObjectId id = derivedId(app + "/" + form + "/" + match.toJson());
      CompiledForm version = compiled.get(forms.getLatestPublished(app, form));
      ObjectNode data = reads.dataJson(version, match);
      try {
        create(app, form, data, false, Actor.system(actor), id);
      } catch (ConflictException duplicate) {
        // created by someone else meanwhile
      }
      return id;
    }

    @Override
    public void increment(String app, String form, ObjectId id, Map<String, BigDecimal> deltas, String operationKey,
        PostingRule.@Nullable Floor floor, String actor) {
      RecordService.this.increment(app, form, id, deltas, operationKey, floor, actor);
    }

    @Override
    public boolean applied(String app, String form, ObjectId id, String operationKey) {
      Document d = reads.findDocument(app, form, id.toHexString());
      return d != null && d.getList(OPERATIONS, String.class, List.of()).contains(operationKey);
    }

    @Override
    public Optional<Document> data(String app, String form, String id) {
      return storedData(app, form, id);
    }
  }

  /** An ObjectId that is a function of {@code key}: the same key always gives the same id. */
  static ObjectId derivedId(String key) {
    try {
      byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return new ObjectId(java.util.Arrays.copyOf(hash, 12));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The narrow view of {@code app}'s records for rules and plugins, acting as {@code actor} (a system name). */
  public AppRecords forApp(String app, String actor) {
    return forApp(app, Actor.system(actor));
  }

  /**
   * The narrow view of {@code app}'s records acting as {@code actor}: for a user, every read and
   * write is checked against their permissions like an API call of theirs (a rule of another app
   * writing here on their behalf gains nothing); for the system, nothing is checked.
   */
  public AppRecords forApp(String app, Actor actor) {
    Actor system = actor;
    return new AppRecords() {
      @Override
      public String app() {
        return app;
      }

      @Override
      public List<Record> find(String form, List<RecordQuery.Filter> filters, int limit) {
        return RecordService.this.query(app, form, new RecordQuery(filters, List.of(), 0, Math.max(1, Math.min(limit, 1000))), system).items();
      }

      @Override
      public Optional<Record> get(String form, String id) {
        Document d = reads.findDocument(app, form, id);
        if (d == null) {
          return Optional.empty();
        }
        Record record = reads.toRecord(forms.getVersion(app, form, d.getInteger("formVersion")).definition(), d);
        if (system.unconstrained()) {
          return Optional.of(record);
        }
        FormAccess allowed = access.forForm(system, app, form);
        RecordGuard.requireForm(allowed, Operation.VIEW, form);
        RecordGuard.requireRow(allowed, Operation.VIEW, d, form, id);
        return Optional.of(RecordGuard.visible(allowed, record));
      }

      @Override
      public Record create(String form, ObjectNode data, @Nullable String operationKey) {
        if (!system.unconstrained()) {
          FormAccess allowed = access.forForm(system, app, form);
          RecordGuard.requireForm(allowed, Operation.SUBMIT, form);
          RecordGuard.requireEditable(allowed, data);
        }
        ObjectId id = operationKey == null ? new ObjectId() : derivedId(app + "/" + form + "/op/" + operationKey);
        if (operationKey != null) {
          Optional<Record> first = get(form, id.toHexString());
          if (first.isPresent()) {
            return first.get();
          }
        }
        try {
          return RecordService.this.create(app, form, data.deepCopy(), false, system, id);
        } catch (ConflictException e) {
          if (operationKey != null) {
            Optional<Record> first = get(form, id.toHexString());
            if (first.isPresent()) {
              return first.get();
            }
          }
          throw e;
        }
      }

      @Override
      public Record update(String form, String id, ObjectNode patch) {
        return patch(app, form, id, Json.MAPPER.createObjectNode().set("data", patch), null, system);
      }

      @Override
      public Record increment(String form, String id, Map<String, BigDecimal> deltas, @Nullable String operationKey) {
        if (!system.system()) { // raw increments bypass field and row checks: the engine's own parts only
          throw new ForbiddenException("Only rules of app '" + app + "' itself may increment its records");
        }
        return RecordService.this.increment(app, form, reads.parseId(id), deltas, operationKey, null, system.username());
      }

      @Override
      public void delete(String form, String id) {
        RecordService.this.delete(app, form, id, null, system);
      }
    };
  }

  /** The record's changes; of a deleted record only its app's admins may read them. */
  public List<RecordChange> history(String app, String form, String id, Actor actor) {
    FormAccess allowed = access.forForm(actor, app, form);
    RecordGuard.requireForm(allowed, Operation.VIEW, form);
    Document current = reads.findDocument(app, form, id);
    if (current != null) {
      RecordGuard.requireRow(allowed, Operation.VIEW, current, form, id);
    } else if (!access.isAppAdmin(actor, app)) {
      throw RecordGuard.notFound(form, id);
    }
    ObjectId recordId = current != null ? current.getObjectId("_id") : reads.parseId(id);
    List<RecordChange> changes = history.of(app, form, recordId);
    if (changes.isEmpty()) {
      throw RecordGuard.notFound(form, id);
    }
    return changes.stream().map(c -> new RecordChange(c.recordId(), c.action(), c.actor(), c.at(), c.version(),
        c.changes().stream().filter(f -> allowed.field(f.field()) != FieldAccess.HIDDEN).toList())).toList();
  }

  /** The record's changes read as the system, every field included; the caller filters them (flows' task view). */
  public List<RecordChange> historyUnconstrained(String app, String form, String id) {
    return history.of(app, form, reads.parseId(id));
  }

  /**
   * The field errors a {@link #submit} of {@code body} would meet — permissions, schema, formulas,
   * rules, relations — without writing anything; empty when it would pass (unique values are
   * checked only by the write). Lets an import check every row before it writes any.
   */
  public List<FieldError> check(String app, String form, JsonNode body, Actor actor) {
    try {
      var data = RecordReads.dataOf(body);
      FormAccess allowed = access.forForm(actor, app, form);
      RecordGuard.requireForm(allowed, Operation.SUBMIT, form);
      RecordGuard.requireEditable(allowed, data);
      preparation.forSubmit(compiled.get(forms.getLatestPublished(app, form)), data);
      return List.of();
    } catch (TangramException e) {
      return e.errors();
    }
  }

  public RecordPage query(String app, String form, RecordQuery query, Actor actor) {
    FormAccess allowed = access.forForm(actor, app, form);
    RecordGuard.requireForm(allowed, Operation.VIEW, form);
    for (RecordQuery.Filter filter : query.filters()) {
      if (allowed.field(filter.field().split("\\.")[0]) == FieldAccess.HIDDEN) {
        throw new ForbiddenException(actor.username() + " may not filter on '" + filter.field() + "'");
      }
    }
    RecordPage page = reads.query(app, form, query, allowed.rowFilter(Operation.VIEW));
    return new RecordPage(page.items().stream().map(r -> RecordGuard.visible(allowed, r)).toList(), page.total(), page.page(), page.size());
  }

  /**
   * Counts or adds up the records the actor may view, in total and per group (see
   * {@link RecordAggregate}). Filtering on, grouping by or adding up a field hidden from the actor
   * is refused like a filter on it (403), so an aggregate never reveals what a list would hide.
   */
  public AggregateResult aggregate(String app, String form, RecordAggregate aggregate, Actor actor) {
    FormAccess allowed = access.forForm(actor, app, form);
    RecordGuard.requireForm(allowed, Operation.VIEW, form);
    List<String> used = new ArrayList<>();
    aggregate.filters().forEach(f -> used.add(f.field()));
    if (aggregate.sum() != null) {
      used.add(aggregate.sum());
    }
    if (aggregate.groupBy() != null) {
      used.add(aggregate.groupBy().split(":")[0]);
    }
    for (String field : used) {
      if (allowed.field(field.split("\\.")[0]) == FieldAccess.HIDDEN) {
        throw new ForbiddenException(actor.username() + " may not see '" + field + "' of form '" + form + "'");
      }
    }
    CompiledForm latest = compiled.get(forms.getLatestPublished(app, form));
    RecordAggregator.Plan plan = RecordAggregator.plan(latest.version().definition(), aggregate);
    List<Document> rows = reads.collection(latest).aggregate(RecordAggregator.pipeline(plan, allowed.rowFilter(Operation.VIEW)))
        .into(new ArrayList<>());
    return RecordAggregator.result(plan, rows, aggregate.limit());
  }

  /** Drops every record and history collection of an app. Irreversible. */
  public void purgeApp(String app) {
    for (String name : database.listCollectionNames()) {
      if (name.startsWith(RecordCollections.recordsPrefix(app)) || name.startsWith(RecordCollections.historyPrefix(app))) {
        database.getCollection(name).drop();
      }
    }
  }

  /** How many records the form holds, whoever may see them (for admins' dry runs). */
  public long countAll(String app, String form) {
    return database.getCollection(RecordCollections.records(app, form)).countDocuments();
  }

  /** How many records of the form have {@code status}, whoever may see them. */
  public long countInStatus(String app, String form, String status) {
    return database.getCollection(RecordCollections.records(app, form)).countDocuments(Filters.eq("status", status));
  }

  /**
   * A template upgrade's data migration: renames and drops fields in every record of the form and
   * moves the records to {@code formVersion}, whose definition has the new field keys. Idempotent
   * (renaming an absent field does nothing), so an interrupted upgrade can run it again.
   *
   * @return how many records were moved to {@code formVersion}
   */
  public long migrateFields(String app, String form, Map<String, String> rename, List<String> remove, int formVersion) {
    MongoCollection<Document> collection = database.getCollection(RecordCollections.records(app, form));
    List<Bson> updates = new ArrayList<>();
    rename.forEach((from, to) -> updates.add(Updates.rename("data." + from, "data." + to)));
    remove.forEach(field -> updates.add(Updates.unset("data." + field)));
    if (!updates.isEmpty()) {
      collection.updateMany(Filters.empty(), Updates.combine(updates));
    }
    return collection.updateMany(Filters.empty(), Updates.set("formVersion", formVersion)).getModifiedCount();
  }

  /** Whether any form of the app holds records. */
  public boolean hasRecords(String app) {
    for (String name : database.listCollectionNames()) {
      if (name.startsWith(RecordCollections.recordsPrefix(app)) && database.getCollection(name).estimatedDocumentCount() > 0) {
        return true;
      }
    }
    return false;
  }

  private void assignSerials(String app, String form, FormVersion version, Document stored) {
    LocalDate today = LocalDate.now(clock);
    for (FieldDefinition field : version.definition().fields()) {
      if ("serial".equals(field.type())) {
        stored.put(field.key(), serials.next(app, form, field.key(), field.pattern(), today));
      }
    }
  }

  private static void insert(MongoCollection<Document> records, Document record) {
    try {
      records.insertOne(record);
    } catch (MongoException e) {
      throw duplicateOr(e);
    }
  }

  /** A unique-index violation becomes a 409 naming the field; anything else is rethrown. */
  private static RuntimeException duplicateOr(MongoException e) {
    if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY
        || (e instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY)) {
      String field = RecordReads.fieldOfDuplicate(String.valueOf(e.getMessage()));
      return new ConflictException(field, "duplicate", "Another record already has this value of '" + field + "'");
    }
    return e;
  }

  private static void requireVersion(String id, @Nullable Long expected, long actual) {
    if (expected != null && expected != actual) {
      throw staleVersion(id, expected);
    }
  }

  private static ConflictException staleVersion(String id, long expected) {
    return new ConflictException("If-Match", "staleVersion",
        "Record " + id + " was changed by someone else since version " + expected + "; reload it and apply your change again");
  }
}
