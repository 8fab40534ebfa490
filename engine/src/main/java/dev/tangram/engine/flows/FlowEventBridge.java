package dev.tangram.engine.flows;

import dev.tangram.engine.events.Event;
import dev.tangram.engine.events.EventTypes;
import dev.tangram.engine.flows.internal.BpmnElements;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.common.engine.impl.cfg.TransactionPropagation;
import org.flowable.common.engine.impl.cfg.TransactionState;
import org.flowable.common.engine.impl.interceptor.CommandConfig;
import org.flowable.common.engine.impl.context.Context;
import org.flowable.engine.delegate.event.FlowableProcessEngineEvent;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.engine.impl.util.ProcessDefinitionUtil;
import org.flowable.task.api.Task;
import org.flowable.variable.api.delegate.VariableScope;
import org.jspecify.annotations.Nullable;

/**
 * Turns Flowable's process and task events into Tangram's: inside the transaction it only notes
 * what happened; after the commit it publishes {@code flow.started}, {@code task.created},
 * {@code task.completed}, and on an instance's end moves the record to the outcome's status. If
 * the process dies between the commit and this, {@link FlowRepair} does the record part.
 */
final class FlowEventBridge implements FlowableEventListener {

  static final FlowableEngineEventType[] TYPES = {FlowableEngineEventType.PROCESS_STARTED, FlowableEngineEventType.PROCESS_COMPLETED,
      FlowableEngineEventType.PROCESS_COMPLETED_WITH_TERMINATE_END_EVENT, FlowableEngineEventType.PROCESS_CANCELLED,
      FlowableEngineEventType.TASK_CREATED, FlowableEngineEventType.TASK_COMPLETED};

  private static final String AFTER_COMMIT = "tangram.afterCommit";

  private final FlowDependencies deps;
  private final FlowInstances instances;

  FlowEventBridge(FlowDependencies deps, FlowInstances instances) {
    this.deps = deps;
    this.instances = instances;
  }

  @Override
  public void onEvent(FlowableEvent event) {
    // Task events come from the task service and are not process engine events: read the task.
    Task entityTask = event instanceof FlowableEntityEvent entity && entity.getEntity() instanceof Task t ? t : null;
    FlowableProcessEngineEvent e = event instanceof FlowableProcessEngineEvent p ? p : null;
    if (e == null && entityTask == null) {
      return;
    }
    String definitionId = e != null && e.getProcessDefinitionId() != null ? e.getProcessDefinitionId()
        : entityTask != null ? entityTask.getProcessDefinitionId() : null;
    if (definitionId == null) {
      return;
    }
    // The key, not the id: Flowable gives a definition a bare generated id when "key:version:id"
    // would exceed 64 characters (tg.inventory.purchase_order does), so the id cannot be parsed.
    String processKey = ProcessDefinitionUtil.getProcessDefinition(definitionId).getKey();
    if (!processKey.startsWith("tg.")) {
      return;
    }
    String[] key = processKey.split("\\.");
    String app = key[1];
    String form = key[2];
    String pid = e != null && e.getProcessInstanceId() != null ? e.getProcessInstanceId() : entityTask.getProcessInstanceId();
    var execution = CommandContextUtil.getExecutionEntityManager().findById(pid);
    String recordId = execution == null ? null : execution.getBusinessKey();
    FlowableEngineEventType type = (FlowableEngineEventType) event.getType();
    Step step = switch (type) {
      case PROCESS_STARTED -> new Publish(event(EventTypes.FLOW_STARTED, app, form, recordId, new Document("processInstanceId", pid)));
      case TASK_CREATED, TASK_COMPLETED -> new Publish(event(type == FlowableEngineEventType.TASK_CREATED ? EventTypes.TASK_CREATED : EventTypes.TASK_COMPLETED,
          app, form, recordId, taskDetails(pid, entityTask, type == FlowableEngineEventType.TASK_CREATED ? execution : null)));
      default -> new Finish(pid);
    };
    afterCommit(step);
  }

  /** A shared task (of an "any" node with several approvers) is created without an assignee: its event names the candidates. */
  private static Document taskDetails(String pid, Task task, @Nullable VariableScope instance) {
    Document details = new Document("processInstanceId", pid).append("taskId", task.getId()).append("node", task.getTaskDefinitionKey())
        .append("assignee", task.getAssignee());
    if (task.getAssignee() == null && instance != null && instance.getVariable(BpmnElements.approvers(task.getTaskDefinitionKey())) instanceof List<?> candidates) {
      details.append("candidates", candidates.stream().map(String::valueOf).toList());
    }
    return details;
  }

  /** What a transaction leaves to do after its commit: publish an event, or finish an ended instance's record. */
  private sealed interface Step permits Publish, Finish {}

  private record Publish(Event event) implements Step {}

  private record Finish(String processInstanceId) implements Step {}

  /**
   * Queues a step to run once the transaction committed. All the steps of one transaction run in
   * one fresh command after the commit, in the order the events came — not one command per event.
   * Flowable's standalone transactions already call the listener in a fresh command; Spring's call
   * it with the closing one, which must not be reused, so then it opens its own.
   */
  private void afterCommit(Step step) {
    var commandContext = Context.getCommandContext();
    @SuppressWarnings("unchecked")
    List<Step> queued = (List<Step>) commandContext.getAttribute(AFTER_COMMIT);
    if (queued != null) {
      queued.add(step);
      return;
    }
    List<Step> fresh = new ArrayList<>(List.of(step));
    commandContext.addAttribute(AFTER_COMMIT, fresh);
    var executor = CommandContextUtil.getProcessEngineConfiguration().getCommandExecutor();
    Context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, context -> {
      if (context != commandContext) {
        run(fresh);
        return;
      }
      executor.execute(new CommandConfig(false, TransactionPropagation.REQUIRES_NEW), c -> {
        run(fresh);
        return null;
      });
    });
  }

  /**
   * Publishes the events of a transaction together (one outbox batch, not one per event), but those
   * before an instance's end ahead of the record's status change, so subscribers see them in order.
   */
  private void run(List<Step> steps) {
    List<Event> batch = new ArrayList<>();
    for (Step step : steps) {
      switch (step) {
        case Publish p -> batch.add(p.event());
        case Finish f -> {
          publish(batch);
          batch.clear();
          try {
            instances.finish(f.processInstanceId());
          } catch (RuntimeException failure) {
            instances.logFailure("Finishing the record of process " + f.processInstanceId(), failure);
          }
        }
      }
    }
    publish(batch);
  }

  private Event event(String type, String app, String form, String recordId, Document details) {
    return new Event(new ObjectId(), type, app, form, recordId, 0L, FlowStatus.IN_APPROVAL, "flow", deps.clock().instant(), null, null, details);
  }

  private void publish(List<Event> batch) {
    try {
      deps.outbox().publish(batch);
    } catch (RuntimeException failure) {
      instances.logFailure("Publishing " + batch.stream().map(Event::type).toList(), failure);
    }
  }

  @Override
  public boolean isFailOnException() {
    return true;
  }

  @Override
  public boolean isFireOnTransactionLifecycleEvent() {
    return false;
  }

  @Override
  public String getOnTransaction() {
    return null;
  }
}
