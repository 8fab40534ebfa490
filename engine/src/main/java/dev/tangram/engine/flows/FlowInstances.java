package dev.tangram.engine.flows;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.tangram.engine.access.Actor;
import dev.tangram.engine.common.ConflictException;
import dev.tangram.engine.common.ForbiddenException;
import dev.tangram.engine.common.NotFoundException;
import dev.tangram.engine.events.Event;
import dev.tangram.engine.events.EventTypes;
import dev.tangram.engine.flows.internal.BpmnElements;
import dev.tangram.engine.flows.internal.Flowables;
import dev.tangram.engine.flows.internal.TimelineNotes;
import dev.tangram.engine.records.Record;
import dev.tangram.engine.records.RecordLifecycle;
import dev.tangram.engine.records.RecordService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.engine.runtime.ProcessInstance;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The link between records and process instances. A record enters {@code in_approval} by an
 * ordinary record write; its committed event (through the outbox, at least once) starts the
 * instance, with the record id as business key so a repeated event finds it already running. When
 * the instance ends, {@link #finish} moves the record to the outcome's status. {@link FlowRepair}
 * finishes either step after a crash.
 */
public final class FlowInstances implements RecordLifecycle {

  private static final Logger log = LoggerFactory.getLogger(FlowInstances.class);
  static final String CHOICES = "_flow_choices";

  private final FlowDependencies deps;
  private final FlowDefinitions definitions;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final TaskService tasks;
  private final Flowables flowables;
  private final MongoCollection<Document> choices;

  FlowInstances(FlowDependencies deps, ProcessEngine engine, FlowDefinitions definitions, Flowables flowables) {
    this.deps = deps;
    this.definitions = definitions;
    this.runtime = engine.getRuntimeService();
    this.history = engine.getHistoryService();
    this.tasks = engine.getTaskService();
    this.flowables = flowables;
    this.choices = deps.database().getCollection(CHOICES);
  }

  @Override
  public String initialStatus(String app, String form, boolean draft) {
    if (!definitions.hasFlow(app, form)) {
      return RecordService.ACTIVE;
    }
    return draft ? FlowStatus.DRAFT : FlowStatus.IN_APPROVAL;
  }

  /**
   * Submits a new record into its flow with the approvers the initiator picked for
   * "initiator's choice" nodes ({@code node → usernames}). Without choices this is a plain submit.
   */
  public Record submit(String app, String form, JsonNode body, Map<String, List<String>> chosen, Actor actor) {
    if (chosen.isEmpty()) {
      return deps.records().submit(app, form, body, actor);
    }
    Record draft = deps.records().submit(app, form, body, true, actor);
    return send(app, form, draft.id(), chosen, draft.version(), actor);
  }

  /** Saves a new record of a form with a flow as a draft, to be sent with {@link #send} later. */
  public Record saveDraft(String app, String form, JsonNode body, Actor actor) {
    if (!definitions.hasFlow(app, form)) {
      throw new ConflictException("form", "noFlow", "Form '" + form + "' has no flow; its records need no draft");
    }
    return deps.records().submit(app, form, body, true, actor);
  }

  /** Sends a draft, withdrawn or rejected record (back) into its flow; only its initiator may. */
  public Record send(String app, String form, String id, Map<String, List<String>> chosen, @Nullable Long expectedVersion, Actor actor) {
    Record record = deps.records().get(app, form, id, actor);
    if (!record.createdBy().equals(actor.username()) && !deps.access().isAppAdmin(actor, app)) {
      throw new ForbiddenException(actor.username() + " did not start record " + id + " and may not submit it");
    }
    if (!FlowStatus.SENDABLE.contains(record.status())) {
      throw new ConflictException("status", "notSendable", "Record " + id + " is " + record.status() + "; only a draft, withdrawn or rejected record can be submitted");
    }
    if (!definitions.hasFlow(app, form)) {
      throw new ConflictException("form", "noFlow", "Form '" + form + "' has no flow to submit record " + id + " into");
    }
    if (!chosen.isEmpty()) {
      choices.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("nodes", new Document(new HashMap<>(chosen))),
          new ReplaceOptions().upsert(true));
    }
    return deps.records().changeStatus(app, form, id, FlowStatus.IN_APPROVAL, null, expectedVersion, actor.username(),
        new Document("flow", "submitted"));
  }

  /** The initiator takes a record back out of approval, if the flow's withdraw mode allows it now. */
  public void withdraw(String app, String form, String id, @Nullable String comment, Actor actor) {
    Record record = deps.records().get(app, form, id, actor);
    if (!record.createdBy().equals(actor.username())) {
      throw new ForbiddenException("Only " + record.createdBy() + ", who submitted record " + id + ", may withdraw it");
    }
    if (!FlowStatus.IN_APPROVAL.equals(record.status())) {
      throw new ConflictException("status", "notInApproval", "Record " + id + " is " + record.status() + ", not in approval");
    }
    ProcessInstance instance = running(id);
    if (instance == null) { // the start is still on its way: the record alone decides
      deps.records().changeStatus(app, form, id, FlowStatus.WITHDRAWN, null, record.version(), actor.username(), new Document("flowOutcome", "withdrawn"));
      return;
    }
    String mode = definitions.withdrawMode(instance.getDeploymentId());
    if ("never".equals(mode)) {
      throw new ConflictException("status", "withdrawNotAllowed", "The flow of form '" + form + "' does not allow withdrawing");
    }
    flowables.inInstance(actor.username(), instance.getId(), "Record " + id, () -> {
      // checked under the instance's lock, so an approval committed a moment ago counts
      if ("beforeApproval".equals(mode) && history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).finished().count() > 0) {
        throw new ConflictException("status", "alreadyApproved", "Record " + id + " has already been approved at a node and can no longer be withdrawn");
      }
      TimelineNotes.add(tasks, null, instance.getId(), "withdraw", actor.username(), null, comment, Map.of());
      runtime.deleteProcessInstance(instance.getId(), "withdrawn");
    });
  }

  /** The running instance of a record, if any. */
  @Nullable ProcessInstance running(String recordId) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(recordId).singleResult();
  }

  /**
   * Starts the record's instance unless one is running or the record is not (or no longer) in
   * approval. Idempotent; called for every record event and by the repair. {@code sentBefore}:
   * the record may have been sent with chosen approvers; one created in approval never was.
   */
  void ensureStarted(String app, String form, String recordId, boolean sentBefore) {
    Record record;
    try {
      record = deps.records().getUnconstrained(app, form, recordId);
    } catch (NotFoundException gone) {
      return;
    }
    if (!FlowStatus.IN_APPROVAL.equals(record.status())) {
      return;
    }
    // the check and the start in one transaction: one query answers both "is one running?" (the
    // newest, not ended) and "did it end after the record changed?"
    String ended = flowables.inTransaction(record.createdBy(), "Record " + recordId, () -> {
      HistoricProcessInstance last = latest(recordId);
      if (last != null && last.getEndTime() == null) {
        return null;
      }
      if (last != null && !last.getEndTime().toInstant().isBefore(record.updatedAt())) {
        return last.getId(); // ended after the record entered approval: only the status change is missing
      }
      ProcessInstance started = runtime.createProcessInstanceBuilder().processDefinitionKey(BpmnElements.processKey(app, form))
          .businessKey(recordId).name(form + " " + recordId).variables(startVariables(app, form, record, sentBefore)).start();
      TimelineNotes.add(tasks, null, started.getId(), "submitted", record.createdBy(), null, null, Map.of("recordVersion", record.version()));
      return null;
    });
    if (ended != null) {
      finish(ended);
    }
  }

  private Map<String, Object> startVariables(String app, String form, Record record, boolean sentBefore) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(BpmnElements.VAR_APP, app);
    variables.put(BpmnElements.VAR_FORM, form);
    variables.put(BpmnElements.VAR_RECORD, record.id());
    variables.put(BpmnElements.VAR_INITIATOR, record.createdBy());
    Document chosen = sentBefore ? choices.find(Filters.eq("_id", record.id())).first() : null;
    if (chosen != null) {
      Map<String, List<String>> byNode = new HashMap<>();
      chosen.get("nodes", Document.class).forEach((node, users) -> byNode.put(node, ((List<?>) users).stream().map(String::valueOf).toList()));
      variables.put(BpmnElements.VAR_CHOICES, new HashMap<>(byNode));
    }
    return variables;
  }

  /** Ends the running instance of a record that is gone or left approval some other way. */
  void cancel(String recordId, String reason) {
    ProcessInstance instance = running(recordId);
    if (instance != null) {
      flowables.inInstance("system", instance.getId(), "Record " + recordId, () -> runtime.deleteProcessInstance(instance.getId(), reason));
    }
  }

  /**
   * After an instance ended: moves its record to the outcome's status (once: a record no longer in
   * approval is left alone) and publishes {@code flow.completed}.
   */
  void finish(String processInstanceId) {
    HistoricProcessInstance h = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    if (h == null || h.getEndTime() == null || h.getBusinessKey() == null) {
      return;
    }
    String[] key = h.getProcessDefinitionKey().split("\\.");
    String app = key[1];
    String form = key[2];
    String outcome = outcomeOf(h);
    String status = FlowStatus.forOutcome(outcome);
    if (status == null) {
      return;
    }
    Record changed;
    try {
      changed = deps.records().changeStatusIf(app, form, h.getBusinessKey(), record -> FlowStatus.IN_APPROVAL.equals(record.status())
          && !h.getEndTime().toInstant().isBefore(record.updatedAt()) // else the record moved on since: sent again
          && running(record.id()) == null, status, "flow", new Document("flowOutcome", outcome).append("processInstanceId", processInstanceId));
    } catch (NotFoundException gone) {
      return;
    }
    if (changed == null) {
      return;
    }
    deps.outbox().publish(new Event(new ObjectId(), EventTypes.FLOW_COMPLETED, app, form, changed.id(), changed.version(), status,
        "flow", deps.clock().instant(), null, null, new Document("processInstanceId", processInstanceId).append("outcome", outcome)));
  }

  /** approved | rejected | withdrawn | returned | cancelled, from how the instance ended. */
  static String outcomeOf(HistoricProcessInstance h) {
    String reason = h.getDeleteReason();
    String end = h.getEndActivityId();
    if ((end != null && end.startsWith(BpmnElements.REJECTED_END_PREFIX)) || (reason != null && reason.contains(BpmnElements.REJECTED_END_PREFIX))) {
      return "rejected";
    }
    if (reason == null) {
      return "approved";
    }
    return switch (reason) {
      case "rejected", "withdrawn", "returned" -> reason;
      default -> "cancelled";
    };
  }

  @Nullable HistoricProcessInstance latest(String recordId) {
    List<HistoricProcessInstance> found = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(recordId)
        .orderByProcessInstanceStartTime().desc().listPage(0, 1);
    return found.isEmpty() ? null : found.getFirst();
  }

  void logFailure(String what, RuntimeException e) {
    log.warn("{} failed; the flow repair will finish it", what, e);
  }
}
