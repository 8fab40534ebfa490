package dev.tangram.engine.flows;

import dev.tangram.engine.access.Actor;
import dev.tangram.engine.access.FieldAccess;
import dev.tangram.engine.access.FormAccess;
import dev.tangram.engine.common.ForbiddenException;
import dev.tangram.engine.flows.internal.FlowNode;
import dev.tangram.engine.forms.FieldDefinition;
import dev.tangram.engine.records.Record;
import dev.tangram.engine.records.RecordChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flowable.engine.HistoryService;
import org.flowable.engine.history.HistoricActivityInstance;
import org.flowable.task.api.DelegationState;
import org.flowable.task.api.Task;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds {@link TaskView}s: the record seen through the node's field permissions. The filter is
 * applied here, once, to the data, the field list, the history and the timeline, so a hidden field
 * cannot leak through one of them.
 */
final class TaskViews {

  private static final List<String> ASSIGNEE_ACTIONS = List.of("approve", "reject", "return", "transfer", "delegate", "addSign", "comment");

  private final FlowDependencies deps;
  private final FlowTasks tasks;
  private final FlowQueries queries;
  private final HistoryService history;

  TaskViews(FlowDependencies deps, FlowTasks tasks, FlowQueries queries, HistoryService history) {
    this.deps = deps;
    this.tasks = tasks;
    this.queries = queries;
    this.history = history;
  }

  TaskView view(String taskId, Actor actor) {
    Task task = tasks.find(taskId, "view");
    String app = FlowTasks.appOf(task);
    boolean assignee = tasks.isAssignee(task, actor);
    boolean admin = deps.access().isAppAdmin(actor, app);
    if (!assignee && !admin) {
      throw new ForbiddenException("Cannot view task " + taskId + ": " + actor.username() + " is neither its assignee nor an admin of app '" + app + "'");
    }
    Optional<FlowNode.Approve> node = tasks.node(task);
    Record record = deps.records().getUnconstrained(app, FlowTasks.formOf(task), FlowTasks.recordOf(task));
    Map<String, String> fields = fields(record, node, deps.access().forForm(actor, app, record.form()), !assignee);
    Set<String> hidden = new LinkedHashSet<>(record.data().propertyNames());
    hidden.removeAll(fields.keySet());
    ObjectNode data = record.data().deepCopy();
    data.remove(hidden);
    Record visible = new Record(record.id(), record.app(), record.form(), record.formVersion(), data, record.status(),
        record.createdBy(), record.createdAt(), record.updatedBy(), record.updatedAt(), record.version());
    return new TaskView(FlowQueries.view(task, null, null), nodeOf(task, node), assignee ? actions(task, actor, admin) : admin ? List.of("urge") : List.of(),
        !assignee, visible, fields, timeline(record, !hidden.isEmpty() || hidesAny(node)), history(record, fields.keySet()));
  }

  /**
   * Every field of the record's form version the viewer may see, in form order: the node's
   * permission (absent = read), narrowed by the viewer's own grant on the form.
   */
  private Map<String, String> fields(Record record, Optional<FlowNode.Approve> node, FormAccess grant, boolean readOnly) {
    Map<String, String> atNode = node.map(FlowNode.Approve::fields).orElse(Map.of());
    Map<String, String> result = new LinkedHashMap<>();
    for (FieldDefinition field : deps.forms().getVersion(record.app(), record.form(), record.formVersion()).definition().fields()) {
      String mode = atNode.getOrDefault(field.key(), "read");
      FieldAccess granted = grant.field(field.key());
      if ("hidden".equals(mode) || granted == FieldAccess.HIDDEN) {
        continue;
      }
      result.put(field.key(), readOnly || granted == FieldAccess.READ ? "read" : mode);
    }
    return result;
  }

  private static boolean hidesAny(Optional<FlowNode.Approve> node) {
    return node.map(n -> n.fields().containsValue("hidden")).orElse(false);
  }

  private List<String> actions(Task task, Actor actor, boolean admin) {
    List<String> actions = new ArrayList<>(ASSIGNEE_ACTIONS);
    if (task.getDelegationState() == DelegationState.PENDING) {
      actions.retainAll(List.of("approve", "reject", "comment")); // a delegate hands the task back by approving it
    }
    if (admin || actor.username().equals(FlowTasks.initiator(task))) {
      actions.add("urge");
    }
    return actions;
  }

  private TaskView.Node nodeOf(Task task, Optional<FlowNode.Approve> node) {
    List<String> targets = new ArrayList<>(List.of("initiator"));
    if (node.isPresent()) {
      history.createHistoricActivityInstanceQuery().processInstanceId(task.getProcessInstanceId()).activityType("userTask").finished()
          .orderByHistoricActivityInstanceStartTime().asc().list().stream().map(HistoricActivityInstance::getActivityId)
          .filter(id -> !id.equals(task.getTaskDefinitionKey()) && !targets.contains(id) && tasks.node(task.getProcessDefinitionId(), id).isPresent())
          .forEach(targets::add);
    }
    String name = task.getName() == null ? task.getTaskDefinitionKey() : task.getName();
    return new TaskView.Node(task.getTaskDefinitionKey(), name, node.map(FlowNode.Approve::mode).orElse(null), targets);
  }

  /** The record's timeline; a plugin's result may quote any field, so it is left out when the node hides some. */
  private List<TimelineEntry> timeline(Record record, boolean hides) {
    List<TimelineEntry> entries = queries.timelineUnconstrained(record.id());
    if (!hides) {
      return entries;
    }
    return entries.stream().map(e -> {
      if (!e.details().containsKey("result")) {
        return e;
      }
      Map<String, Object> details = new LinkedHashMap<>(e.details());
      details.remove("result");
      return new TimelineEntry(e.at(), e.action(), e.actor(), e.node(), e.comment(), e.processInstanceId(), details);
    }).toList();
  }

  private List<RecordChange> history(Record record, Set<String> visible) {
    return deps.records().historyUnconstrained(record.app(), record.form(), record.id()).stream()
        .map(c -> new RecordChange(c.recordId(), c.action(), c.actor(), c.at(), c.version(),
            c.changes().stream().filter(f -> visible.contains(f.field())).toList()))
        .toList();
  }
}
