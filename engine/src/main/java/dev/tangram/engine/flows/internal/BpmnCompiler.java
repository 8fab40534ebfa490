package dev.tangram.engine.flows.internal;

import dev.tangram.engine.common.Json;
import java.util.ArrayList;
import java.util.List;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.EndEvent;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.ImplementationType;
import org.flowable.bpmn.model.MultiInstanceLoopCharacteristics;
import org.flowable.bpmn.model.ParallelGateway;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.TerminateEventDefinition;
import org.flowable.bpmn.model.TimerEventDefinition;
import org.flowable.bpmn.model.UserTask;
import org.jspecify.annotations.Nullable;

/**
 * Compiles a checked flow tree into a BPMN process. Each approve node becomes a user task for the
 * approvers its incoming flows resolve ({@value BpmnElements#RESOLVE}): one shared task for mode
 * {@code any}, a multi-instance task (one per approver) for the other modes; a branch
 * becomes an exclusive gateway whose route hook evaluates the conditions in the sandbox and sets
 * one boolean per outgoing flow, so no condition is ever evaluated as a Flowable expression; CC and
 * action nodes become service tasks calling the named hooks only.
 */
public final class BpmnCompiler {

  /** Where the next element connects from; with a condition when it leaves a branch gateway. */
  private record Tail(String from, @Nullable String when, boolean isDefault) {
    static Tail of(String from) {
      return new Tail(from, null, false);
    }
  }

  private final Process process = new Process();
  private int flows;

  public static BpmnModel compile(String processKey, String name, FlowNode.Flow flow) {
    BpmnCompiler compiler = new BpmnCompiler();
    Process p = compiler.process;
    p.setId(processKey);
    p.setName(name);
    p.setExecutable(true);
    StartEvent start = new StartEvent();
    start.setId("tg_start");
    p.addFlowElement(start);
    List<Tail> tails = compiler.sequence(flow.nodes(), List.of(Tail.of(start.getId())));
    EndEvent end = new EndEvent();
    end.setId("tg_end");
    p.addFlowElement(end);
    compiler.connect(tails, end);
    BpmnModel model = new BpmnModel();
    model.addProcess(p);
    model.addNamespace(BpmnElements.PREFIX, BpmnElements.NAMESPACE);
    return model;
  }

  private List<Tail> sequence(List<FlowNode> nodes, List<Tail> tails) {
    for (FlowNode node : nodes) {
      tails = switch (node) {
        case FlowNode.Approve a -> approve(a, tails);
        case FlowNode.Cc c -> List.of(Tail.of(service(c.id(), c.name(), BpmnElements.CC, c, tails).getId()));
        case FlowNode.Action a -> List.of(Tail.of(service(a.id(), a.name(), BpmnElements.ACTION, a, tails).getId()));
        case FlowNode.Branch b -> branch(b, tails);
        case FlowNode.Parallel p -> parallel(p, tails);
      };
    }
    return tails;
  }

  private List<Tail> approve(FlowNode.Approve a, List<Tail> tails) {
    UserTask task = new UserTask();
    task.setId(a.id());
    task.setName(a.name());
    String approvers = BpmnElements.approvers(a.id());
    if ("any".equals(a.mode())) {
      // One approval decides, so one task shared by all approvers is enough: assigned to the only
      // one, else offered to each as a candidate, skipped when there is none. A multi-instance
      // task would add two executions and five loop variables for the same outcome.
      task.setAssignee("${" + approvers + ".size() == 1 ? " + approvers + "[0] : null}");
      task.setCandidateUsers(new ArrayList<>(List.of("${" + approvers + ".size() > 1 ? " + approvers + " : null}")));
      task.setSkipExpression("${empty " + approvers + "}");
    } else {
      task.setAssignee("${" + BpmnElements.VAR_APPROVER + "}");
      MultiInstanceLoopCharacteristics loop = new MultiInstanceLoopCharacteristics();
      loop.setInputDataItem("${" + approvers + "}");
      loop.setElementVariable(BpmnElements.VAR_APPROVER);
      loop.setSequential("sequential".equals(a.mode()));
      if ("ratio".equals(a.mode())) {
        loop.setCompletionCondition("${" + BpmnElements.yes(a.id()) + " >= " + BpmnElements.need(a.id()) + "}");
      }
      task.setLoopCharacteristics(loop);
    }
    BpmnElements.put(task, BpmnElements.NODE, Json.MAPPER.writeValueAsString(a));
    process.addFlowElement(task);
    for (SequenceFlow in : connect(tails, task)) {
      in.getExecutionListeners().add(BpmnElements.listener("take", BpmnElements.RESOLVE));
    }
    List<Tail> out = new ArrayList<>(List.of(Tail.of(task.getId())));
    if (a.timeout() != null) {
      out.addAll(timeout(a, task));
    }
    return out;
  }

  private List<Tail> timeout(FlowNode.Approve a, UserTask task) {
    FlowNode.Timeout t = a.timeout();
    if (t.remindAfter() != null) {
      BoundaryEvent remind = timer(a.id() + "_tg_remind", task, t.remindAfter().toString(), false);
      ServiceTask note = service(a.id() + "_tg_reminder", "Reminder", BpmnElements.REMIND, null, List.of(Tail.of(remind.getId())));
      EndEvent end = new EndEvent();
      end.setId(a.id() + "_tg_reminded");
      process.addFlowElement(end);
      connect(List.of(Tail.of(note.getId())), end);
    }
    if (t.after() == null || "none".equals(t.action())) {
      return List.of();
    }
    BoundaryEvent timeout = timer(a.id() + "_tg_timeout", task, t.after().toString(), true);
    ServiceTask note = service(a.id() + "_tg_timed_out", "Timeout", BpmnElements.TIMEOUT, null, List.of(Tail.of(timeout.getId())));
    if ("approve".equals(t.action())) {
      return List.of(Tail.of(note.getId()));
    }
    EndEvent rejected = new EndEvent();
    rejected.setId(BpmnElements.REJECTED_END_PREFIX + a.id());
    rejected.addEventDefinition(new TerminateEventDefinition());
    process.addFlowElement(rejected);
    connect(List.of(Tail.of(note.getId())), rejected);
    return List.of();
  }

  private BoundaryEvent timer(String id, UserTask task, String duration, boolean cancel) {
    BoundaryEvent event = new BoundaryEvent();
    event.setId(id);
    event.setAttachedToRef(task);
    event.setAttachedToRefId(task.getId());
    event.setCancelActivity(cancel);
    TimerEventDefinition timer = new TimerEventDefinition();
    timer.setTimeDuration(duration);
    event.addEventDefinition(timer);
    task.getBoundaryEvents().add(event);
    process.addFlowElement(event);
    return event;
  }

  private ServiceTask service(String id, String name, String hook, @Nullable FlowNode node, List<Tail> tails) {
    ServiceTask task = new ServiceTask();
    task.setId(id);
    task.setName(name);
    task.setImplementationType(ImplementationType.IMPLEMENTATION_TYPE_DELEGATEEXPRESSION);
    task.setImplementation("${" + hook + "}");
    if (node != null) {
      BpmnElements.put(task, BpmnElements.NODE, Json.MAPPER.writeValueAsString(node));
    }
    process.addFlowElement(task);
    connect(tails, task);
    return task;
  }

  private List<Tail> branch(FlowNode.Branch b, List<Tail> tails) {
    ExclusiveGateway fork = new ExclusiveGateway();
    fork.setId(b.id());
    fork.getExecutionListeners().add(BpmnElements.listener("start", BpmnElements.ROUTE));
    process.addFlowElement(fork);
    connect(tails, fork);
    ExclusiveGateway join = new ExclusiveGateway();
    join.setId(b.id() + "_tg_join");
    List<Tail> ends = new ArrayList<>();
    for (FlowNode.Path path : b.branches()) {
      Tail start = new Tail(fork.getId(), path.when(), path.when() == null);
      ends.addAll(sequence(path.nodes(), List.of(start)));
    }
    process.addFlowElement(join);
    connect(ends, join);
    return List.of(Tail.of(join.getId()));
  }

  private List<Tail> parallel(FlowNode.Parallel p, List<Tail> tails) {
    ParallelGateway fork = new ParallelGateway();
    fork.setId(p.id());
    process.addFlowElement(fork);
    connect(tails, fork);
    ParallelGateway join = new ParallelGateway();
    join.setId(p.id() + "_tg_join");
    List<Tail> ends = new ArrayList<>();
    for (FlowNode.Path path : p.branches()) {
      ends.addAll(sequence(path.nodes(), List.of(Tail.of(fork.getId()))));
    }
    process.addFlowElement(join);
    connect(ends, join);
    return List.of(Tail.of(join.getId()));
  }

  private List<SequenceFlow> connect(List<Tail> tails, FlowElement target) {
    List<SequenceFlow> created = new ArrayList<>();
    for (Tail tail : tails) {
      SequenceFlow flow = new SequenceFlow(tail.from(), target.getId());
      flow.setId("tg_f" + (++flows));
      if (tail.when() != null) {
        flow.setConditionExpression("${" + BpmnElements.conditionVariable(flow.getId()) + "}");
        BpmnElements.put(flow, BpmnElements.WHEN, tail.when());
      } else if (tail.isDefault() && process.getFlowElement(tail.from()) instanceof ExclusiveGateway gateway) {
        gateway.setDefaultFlow(flow.getId());
      }
      process.addFlowElement(flow);
      // The parser links flows to their nodes; a built model must do it itself for the validator.
      if (process.getFlowElement(tail.from()) instanceof org.flowable.bpmn.model.FlowNode source) {
        source.getOutgoingFlows().add(flow);
        flow.setSourceFlowElement(source);
      }
      if (target instanceof org.flowable.bpmn.model.FlowNode to) {
        to.getIncomingFlows().add(flow);
        flow.setTargetFlowElement(to);
      }
      created.add(flow);
    }
    return created;
  }
}
