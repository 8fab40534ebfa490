package dev.tangram.engine.flows;

import dev.tangram.engine.access.Actor;
import dev.tangram.engine.access.DirectoryUser;
import dev.tangram.engine.common.ConflictException;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.ForbiddenException;
import dev.tangram.engine.common.NotFoundException;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.flows.internal.BpmnElements;
import dev.tangram.engine.flows.internal.FlowHooks;
import dev.tangram.engine.flows.internal.FlowNode;
import dev.tangram.engine.flows.internal.Flowables;
import dev.tangram.engine.flows.internal.TimelineNotes;
import dev.tangram.engine.records.Record;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.bson.Document;
import org.flowable.bpmn.model.UserTask;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.task.api.DelegationState;
import org.flowable.task.api.Task;
import org.flowable.task.api.history.HistoricTaskInstance;
import tools.jackson.databind.node.ObjectNode;

/**
 * The task actions of DESIGN §5: approve, reject, return, transfer, delegate, add-sign, urge,
 * comment, and the admin's handover. Each is checked first (the task is open, the actor may act
 * on it, the input is valid) and then done as one Flowable transaction including its timeline
 * entry, so a refused action changes nothing and two users racing for one task get one winner
 * and one 409.
 */
public final class FlowTasks {

  public static final List<String> ACTIONS = List.of("approve", "reject", "return", "transfer", "delegate", "addSign", "urge", "comment");

  private final FlowDependencies deps;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final RepositoryService repository;
  private final FlowHooks hooks;
  private final Flowables flowables;
  private final TaskViews views;

  private final Map<String, Optional<FlowNode.Approve>> approveNodes = new ConcurrentHashMap<>();
  private final Map<String, Boolean> autoApproving = new ConcurrentHashMap<>();

  FlowTasks(FlowDependencies deps, ProcessEngine engine, FlowHooks hooks, Flowables flowables, FlowQueries queries) {
    this.deps = deps;
    this.tasks = engine.getTaskService();
    this.runtime = engine.getRuntimeService();
    this.history = engine.getHistoryService();
    this.repository = engine.getRepositoryService();
    this.hooks = hooks;
    this.flowables = flowables;
    this.views = new TaskViews(deps, this, queries, history);
  }

  /**
   * Task {@code taskId} as {@code actor} may see it: with the actions they may take and the record
   * filtered by the node's field permissions (hidden fields removed everywhere). For the assignee
   * or a candidate; an app admin gets it read-only. 404 for an unknown task, 409 ({@code alreadyCompleted})
   * for a finished one, 403 for anyone else.
   */
  public TaskView view(String taskId, Actor actor) {
    return views.view(taskId, actor);
  }

  /** Runs {@code action} (one of {@link #ACTIONS}) on task {@code taskId} for {@code actor}. */
  public void act(String taskId, String action, TaskRequest request, Actor actor) {
    switch (action) {
      case "approve" -> approve(taskId, request, actor);
      case "reject" -> reject(taskId, request, actor);
      case "return" -> sendBack(taskId, request, actor);
      case "transfer" -> reassign(taskId, "transfer", request, actor);
      case "delegate" -> reassign(taskId, "delegate", request, actor);
      case "addSign" -> addSign(taskId, request, actor);
      case "urge" -> urge(taskId, request, actor);
      case "comment" -> comment(taskId, request, actor);
      default -> throw new NotFoundException("action", "There is no task action '" + action + "'; use one of " + String.join(", ", ACTIONS));
    }
  }

  public void approve(String taskId, TaskRequest request, Actor actor) {
    // the data first, outside the task's transaction: its record write starts no Flowable work inside it
    Record patched = request.data() == null || request.data().isEmpty() ? null : applyData(checked(taskId, "approve", actor), request, actor);
    try {
      onOpenTask(taskId, "approve", actor, (task, instance) -> {
        Optional<FlowNode.Approve> node = node(task);
        if (task.getDelegationState() == DelegationState.PENDING) {
          note(task, "approve", actor, request, Map.of("delegatedBy", String.valueOf(task.getOwner())));
          tasks.resolveTask(taskId);
          return;
        }
        Map<String, Object> variables = new HashMap<>();
        String nodeId = task.getTaskDefinitionKey();
        if (autoApproves(task.getProcessDefinitionId())) { // who approved the last node: only auto-approve asks
          List<String> last = nodeId.equals(instance.get(BpmnElements.VAR_LAST_NODE)) ? stringList(instance.get(BpmnElements.VAR_LAST)) : new ArrayList<>();
          last.add(actor.username());
          variables.put(BpmnElements.VAR_LAST, last);
          variables.put(BpmnElements.VAR_LAST_NODE, nodeId);
        }
        if (!request.nextApprovers().isEmpty()) {
          variables.put(BpmnElements.VAR_NEXT, new ArrayList<>(request.nextApprovers()));
        }
        if (node.isPresent() && "ratio".equals(node.get().mode())) {
          variables.put(BpmnElements.yes(nodeId), intVariable(instance, BpmnElements.yes(nodeId)) + 1);
        }
        note(task, "approve", actor, request, Map.of());
        if (!variables.isEmpty()) {
          runtime.setVariables(task.getProcessInstanceId(), variables);
        }
        if (task.getAssignee() == null) { // a shared task: whoever approves it takes it
          tasks.setAssignee(taskId, actor.username());
        }
        tasks.complete(taskId, actor.username());
      });
    } catch (RuntimeException e) {
      if (patched != null) {
        undo(taskId, patched, request.data());
      }
      throw e;
    }
  }

  public void reject(String taskId, TaskRequest request, Actor actor) {
    onOpenTask(taskId, "reject", actor, (task, instance) -> {
      Optional<FlowNode.Approve> node = node(task);
      note(task, "reject", actor, request, Map.of());
      if (node.isPresent() && "ratio".equals(node.get().mode())) {
        String id = node.get().id();
        int no = intVariable(instance, BpmnElements.no(id)) + 1;
        int all = stringList(instance.get(BpmnElements.approvers(id))).size();
        if (all - no >= intVariable(instance, BpmnElements.need(id))) { // the share can still be reached: a "no" vote only
          runtime.setVariable(task.getProcessInstanceId(), BpmnElements.no(id), no);
          tasks.complete(taskId, actor.username());
          return;
        }
      }
      runtime.deleteProcessInstance(task.getProcessInstanceId(), "rejected");
      markCompletedBy(taskId, actor);
    });
  }

  /** Return to the initiator (the record goes back to draft) or to an earlier node of this instance. */
  public void sendBack(String taskId, TaskRequest request, Actor actor) {
    String target = request.target() == null || request.target().isBlank() ? "initiator" : request.target();
    onOpenTask(taskId, "return", actor, (task, instance) -> {
      if (!"initiator".equals(target)) {
        boolean earlier = !target.equals(task.getTaskDefinitionKey()) && history.createHistoricActivityInstanceQuery()
            .processInstanceId(task.getProcessInstanceId()).activityId(target).finished().count() > 0
            && node(task.getProcessDefinitionId(), target).isPresent();
        if (!earlier) {
          throw ValidationException.of("target", "notEarlier", "'" + target + "' is not an approve node this record has already passed; return to 'initiator' or one of those");
        }
      }
      note(task, "return", actor, request, Map.of("target", target));
      if ("initiator".equals(target)) {
        runtime.deleteProcessInstance(task.getProcessInstanceId(), "returned");
        markCompletedBy(taskId, actor);
      } else {
        runtime.createChangeActivityStateBuilder().processInstanceId(task.getProcessInstanceId())
            .moveActivityIdTo(task.getTaskDefinitionKey(), target).changeState();
      }
    });
  }

  private void reassign(String taskId, String action, TaskRequest request, Actor actor) {
    String to = requireUser(request.to(), actor);
    onOpenTask(taskId, action, actor, (task, instance) -> {
      note(task, action, actor, request, Map.of("to", to));
      if ("delegate".equals(action)) {
        tasks.delegateTask(taskId, to);
      } else if (task.getAssignee() == null) { // a shared task: the others keep it, the actor's share moves
        tasks.deleteCandidateUser(taskId, actor.username());
        tasks.addCandidateUser(taskId, to);
      } else {
        tasks.setAssignee(taskId, to);
      }
    });
  }

  /** Add-sign: {@code before} (the added user approves first, then it comes back), {@code after}, or {@code parallel}. */
  public void addSign(String taskId, TaskRequest request, Actor actor) {
    String to = requireUser(request.to(), actor);
    String position = request.position() == null ? "before" : request.position();
    onOpenTask(taskId, "addSign", actor, (task, instance) -> {
      Optional<FlowNode.Approve> node = node(task);
      if ("parallel".equals(position) && node.isPresent() && "sequential".equals(node.get().mode())) {
        throw ValidationException.of("position", "sequentialNode", "Node '" + node.get().id() + "' approves one after another; add a signer before or after instead");
      }
      note(task, "addSign", actor, request, Map.of("to", to, "position", position));
      switch (position) {
        case "before" -> tasks.delegateTask(taskId, to);
        case "after" -> {
          tasks.setOwner(taskId, actor.username());
          tasks.setAssignee(taskId, to);
        }
        case "parallel" -> {
          if (node.isEmpty()) {
            throw ValidationException.of("position", "notMultiInstance", "Task " + taskId + " is not an approve node of a flow JSON; add a signer before or after instead");
          }
          if (isShared(task)) { // one approval decides: the added signer shares the task
            String assignee = task.getAssignee();
            if (assignee != null) {
              tasks.unclaim(taskId);
              tasks.addCandidateUser(taskId, assignee);
            }
            tasks.addCandidateUser(taskId, to);
          } else {
            runtime.addMultiInstanceExecution(task.getTaskDefinitionKey(), task.getProcessInstanceId(), Map.of(BpmnElements.VAR_APPROVER, to));
          }
        }
        default -> throw ValidationException.of("position", "enum", "Add-sign position '" + position + "' is not one of before, after, parallel");
      }
    });
  }

  /** The initiator (or an app admin) nudges the assignee of an open task. */
  public void urge(String taskId, TaskRequest request, Actor actor) {
    Task task = find(taskId, "urge");
    if (!actor.username().equals(initiator(task)) && !deps.access().isAppAdmin(actor, appOf(task))) {
      throw new ForbiddenException("Only the initiator may urge task " + taskId);
    }
    flowables.inTransaction(actor.username(), "Task " + taskId, () -> note(task, "urge", actor, request, Map.of()));
  }

  /** A comment on the timeline by the assignee or the initiator. */
  public void comment(String taskId, TaskRequest request, Actor actor) {
    Task task = find(taskId, "comment on");
    if (!isAssignee(task, actor) && !actor.username().equals(initiator(task))) {
      throw new ForbiddenException(actor.username() + " is neither the assignee nor the initiator of task " + taskId);
    }
    if (request.comment() == null || request.comment().isBlank()) {
      throw ValidationException.of("comment", "required", "A comment needs text");
    }
    flowables.inTransaction(actor.username(), "Task " + taskId, () -> note(task, "comment", actor, request, Map.of()));
  }

  /** Hands every open task of {@code from} to {@code to} in one transaction, e.g. when {@code from} leaves; admins only. */
  public int handOver(String from, String to, Actor actor) {
    if (!actor.unconstrained()) {
      throw new ForbiddenException("Only a platform admin may hand over another user's tasks");
    }
    String target = requireUser(to, actor);
    List<Task> open = tasks.createTaskQuery().taskCandidateOrAssigned(from).processDefinitionKeyLike("tg.%").list();
    flowables.inTransaction(actor.username(), "The tasks of " + from, () -> {
      for (Task task : open) {
        TimelineNotes.add(tasks, task.getId(), task.getProcessInstanceId(), "handover", actor.username(), task.getTaskDefinitionKey(),
            null, Map.of("from", from, "to", target));
        if (from.equals(task.getAssignee())) {
          tasks.setAssignee(task.getId(), target);
        } else { // their share of a shared task
          tasks.deleteCandidateUser(task.getId(), from);
          tasks.addCandidateUser(task.getId(), target);
        }
      }
    });
    return open.size();
  }

  /** Whether a node of the process auto-approves for those who approved the node before it. */
  private boolean autoApproves(String processDefinitionId) {
    return autoApproving.computeIfAbsent(processDefinitionId, id -> repository.getBpmnModel(id).getMainProcess().getFlowElements().stream()
        .filter(UserTask.class::isInstance).anyMatch(e -> node(id, e.getId()).map(FlowNode.Approve::autoApprove).orElse(false)));
  }

  /** The node definition of an approve task (absent for tasks of uploaded BPMN). */
  Optional<FlowNode.Approve> node(Task task) {
    return node(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
  }

  Optional<FlowNode.Approve> node(String processDefinitionId, String activityId) {
    // a deployed process definition never changes: look each node up once, not with a command per action
    if (approveNodes.size() > 10_000) {
      approveNodes.clear();
    }
    return approveNodes.computeIfAbsent(processDefinitionId + "/" + activityId, k -> {
      var element = repository.getBpmnModel(processDefinitionId).getFlowElement(activityId);
      return element == null ? Optional.empty() : hooks.node(processDefinitionId, element, FlowNode.Approve.class);
    });
  }

  /** Applies the approver's data changes under the node's field permissions; returns the record as it was. */
  private Record applyData(Task task, TaskRequest request, Actor actor) {
    ObjectNode data = request.data();
    Map<String, String> fields = node(task).map(FlowNode.Approve::fields).orElse(Map.of());
    List<FieldError> refused = new ArrayList<>();
    for (String key : data.propertyNames()) {
      if (!"edit".equals(fields.getOrDefault(key, "read"))) {
        refused.add(new FieldError("data." + key, "notEditable", "Field '" + key + "' is " + fields.getOrDefault(key, "read")
            + " at node '" + task.getTaskDefinitionKey() + "' and cannot be changed there"));
      }
    }
    if (!refused.isEmpty()) {
      throw new ValidationException(refused);
    }
    Record before = deps.records().getUnconstrained(appOf(task), formOf(task), recordOf(task));
    deps.records().changeStatus(before.app(), before.form(), before.id(), FlowStatus.IN_APPROVAL, data,
        request.recordVersion(), actor.username(), new Document("taskId", task.getId()).append("node", task.getTaskDefinitionKey()));
    return before;
  }

  /** The task was not completed after all: put back the fields the approver changed. */
  private void undo(String taskId, Record before, ObjectNode changed) {
    ObjectNode restore = before.data().objectNode();
    changed.propertyNames().forEach(k -> restore.set(k, before.data().has(k) ? before.data().get(k) : restore.nullNode()));
    try {
      deps.records().changeStatus(before.app(), before.form(), before.id(), FlowStatus.IN_APPROVAL, restore, null, "flow",
          new Document("taskId", taskId).append("undo", true));
    } catch (RuntimeException ignored) {
      // best effort: the record keeps the approver's valid change and the task stays open
    }
  }

  /** Open task {@code taskId}, if {@code actor} may act on it. */
  private Task checked(String taskId, String action, Actor actor) {
    Task task = find(taskId, action);
    if (!isAssignee(task, actor)) {
      throw notAssignee(taskId, action, actor);
    }
    return task;
  }

  /**
   * Runs {@code work} on open task {@code taskId} in one transaction, after checking that
   * {@code actor} may act on it: the task is read under its instance's lock (see
   * {@link Flowables#lockInstanceOfTask}), so of two racing actors the second finds it gone (409).
   * Whatever {@code work} refuses rolls back with it.
   */
  private void onOpenTask(String taskId, String action, Actor actor, BiConsumer<Task, Map<String, Object>> work) {
    flowables.inTransaction(actor.username(), "Task " + taskId, () -> {
      String processInstanceId = Flowables.lockInstanceOfTask(taskId);
      Task task = processInstanceId == null ? null : tasks.createTaskQuery().taskId(taskId).singleResult();
      if (task == null) {
        throw notOpen(taskId, action);
      }
      if (!isAssignee(task, actor)) {
        throw notAssignee(taskId, action, actor);
      }
      // read through the instance, which completing the task loads anyway, not joined into the task query
      work.accept(task, runtime.getVariables(processInstanceId));
    });
  }

  Task find(String taskId, String action) {
    Task task = tasks.createTaskQuery().taskId(taskId).includeProcessVariables().singleResult();
    if (task != null) {
      return task;
    }
    throw notOpen(taskId, action);
  }

  private static ForbiddenException notAssignee(String taskId, String action, Actor actor) {
    return new ForbiddenException("Cannot " + action + " task " + taskId + ": " + actor.username() + " is not its assignee");
  }

  /** 409 for a task that was completed, 404 for one that never was. */
  private RuntimeException notOpen(String taskId, String action) {
    HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
    if (done != null) {
      return new ConflictException("task", "alreadyCompleted", "Cannot " + action + " task " + taskId + ": it is already completed");
    }
    return new NotFoundException("task", "There is no task " + taskId);
  }

  /** Whether a task is the one shared task of an "any" node (compiled since shared tasks), not one of a multi-instance node's. */
  private boolean isShared(Task task) {
    var element = repository.getBpmnModel(task.getProcessDefinitionId()).getFlowElement(task.getTaskDefinitionKey());
    return element instanceof org.flowable.bpmn.model.Activity activity && activity.getLoopCharacteristics() == null;
  }

  boolean isAssignee(Task task, Actor actor) {
    if (task.getAssignee() != null) {
      return task.getAssignee().equals(actor.username());
    }
    // a query, not the task's identity links: inside a command those of a task read by a query stay empty
    var candidate = tasks.createTaskQuery().taskId(task.getId());
    if (actor.roles().isEmpty()) {
      candidate.taskCandidateUser(actor.username());
    } else {
      candidate.or().taskCandidateUser(actor.username()).taskCandidateGroupIn(List.copyOf(actor.roles())).endOr();
    }
    return candidate.count() > 0;
  }

  private String requireUser(String to, Actor actor) {
    if (to == null || to.isBlank()) {
      throw ValidationException.of("to", "required", "Name the user in 'to'");
    }
    if (!deps.directory().findUser(to).map(DirectoryUser::enabled).orElse(false)) {
      throw ValidationException.of("to", "unknownUser", "There is no active user '" + to + "'");
    }
    if (to.equals(actor.username())) {
      throw ValidationException.of("to", "self", "The task is already yours");
    }
    return to;
  }

  private void note(Task task, String action, Actor actor, TaskRequest request, Map<String, ?> extra) {
    TimelineNotes.add(tasks, task.getId(), task.getProcessInstanceId(), action, actor.username(), task.getTaskDefinitionKey(),
        request.comment(), extra);
  }

  /** A task ended by deleting its instance has no completer; the "done" list wants the one who decided. */
  private static void markCompletedBy(String taskId, Actor actor) {
    var historic = CommandContextUtil.getProcessEngineConfiguration().getTaskServiceConfiguration()
        .getHistoricTaskService().getHistoricTask(taskId);
    if (historic != null) {
      historic.setCompletedBy(actor.username());
    }
  }

  private static int intVariable(Map<String, Object> variables, String name) {
    Object value = variables.get(name);
    return value instanceof Number n ? n.intValue() : 0;
  }

  private static List<String> stringList(Object value) {
    List<String> result = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(v -> result.add(String.valueOf(v)));
    }
    return result;
  }

  static String appOf(Task task) {
    return String.valueOf(task.getProcessVariables().get(BpmnElements.VAR_APP));
  }

  static String formOf(Task task) {
    return String.valueOf(task.getProcessVariables().get(BpmnElements.VAR_FORM));
  }

  static String recordOf(Task task) {
    return String.valueOf(task.getProcessVariables().get(BpmnElements.VAR_RECORD));
  }

  static String initiator(Task task) {
    return String.valueOf(task.getProcessVariables().get(BpmnElements.VAR_INITIATOR));
  }
}
