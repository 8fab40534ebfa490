package dev.tangram.engine.flows.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.forms.FieldDefinition;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.plugins.PluginContext;
import dev.tangram.engine.plugins.PluginRegistry;
import dev.tangram.engine.records.Record;
import dev.tangram.engine.records.RecordService;
import dev.tangram.engine.rules.RuleEvaluationException;
import dev.tangram.engine.rules.RuleScript;
import dev.tangram.engine.rules.ScriptSandbox;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.bson.Document;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.Gateway;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.engine.TaskService;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.ExecutionListener;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The only objects BPMN may reach ({@link BpmnElements#HOOKS}): Flowable's expression manager is
 * given exactly these, never the application's beans. Each reads its node's definition from the
 * BPMN extension element and the record from the record service.
 */
public final class FlowHooks {

  private static final Logger log = LoggerFactory.getLogger(FlowHooks.class);
  private static final int MAX_LEVELS_UP = 5;

  private final RecordService records;
  private final FormService forms;
  private final ScriptSandbox sandbox;
  private final PluginRegistry plugins;
  private final ApproverResolver resolver;
  private final MongoCollection<Document> cc;
  private final Clock clock;
  private final Map<String, RuleScript> conditions = new ConcurrentHashMap<>();
  private final Map<String, FlowNode> nodes = new ConcurrentHashMap<>();

  public FlowHooks(RecordService records, FormService forms, ScriptSandbox sandbox, PluginRegistry plugins,
      ApproverResolver resolver, MongoDatabase database, Clock clock) {
    this.records = records;
    this.forms = forms;
    this.sandbox = sandbox;
    this.plugins = plugins;
    this.resolver = resolver;
    this.cc = database.getCollection(CcList.COLLECTION);
    this.clock = clock;
  }

  /** For {@code ProcessEngineConfiguration.setBeans}: the hooks by name, and nothing else. */
  public Map<Object, Object> beans() {
    Map<Object, Object> beans = new HashMap<>();
    beans.put(BpmnElements.ROUTE, (ExecutionListener) this::route);
    beans.put(BpmnElements.RESOLVE, (ExecutionListener) this::resolve);
    beans.put(BpmnElements.CC, (JavaDelegate) this::copy);
    beans.put(BpmnElements.ACTION, (JavaDelegate) this::action);
    beans.put(BpmnElements.REMIND, (JavaDelegate) this::remind);
    beans.put(BpmnElements.TIMEOUT, (JavaDelegate) this::timeout);
    return beans;
  }

  /** The node definition a compiled BPMN element carries, cached per process definition and element. */
  public <T extends FlowNode> java.util.Optional<T> node(String processDefinitionId, FlowElement element, Class<T> type) {
    String key = processDefinitionId + "/" + element.getId();
    FlowNode node = nodes.get(key);
    if (node == null) {
      var json = BpmnElements.get(element, BpmnElements.NODE);
      if (json.isEmpty()) {
        return java.util.Optional.empty();
      }
      node = Json.MAPPER.readValue(json.get(), type);
      nodes.put(key, node);
    }
    return type.isInstance(node) ? java.util.Optional.of(type.cast(node)) : java.util.Optional.empty();
  }

  private void route(DelegateExecution execution) {
    Gateway gateway = (Gateway) execution.getCurrentFlowElement();
    Record record = record(execution);
    List<String> scope = forms.getVersion(record.app(), record.form(), record.formVersion()).definition().fields().stream()
        .map(FieldDefinition::key).toList();
    Map<String, Object> values = new HashMap<>();
    scope.forEach(k -> values.put(k, record.data().has(k) ? Json.MAPPER.convertValue(record.data().get(k), Object.class) : null));
    boolean exclusive = gateway instanceof ExclusiveGateway;
    boolean taken = false;
    for (SequenceFlow flow : gateway.getOutgoingFlows()) {
      var when = BpmnElements.get(flow, BpmnElements.WHEN);
      if (when.isEmpty()) {
        continue;
      }
      boolean holds = !(exclusive && taken) && holds(record, when.get(), scope, values, execution);
      taken |= holds;
      execution.setVariable(BpmnElements.conditionVariable(flow.getId()), holds);
    }
  }

  private boolean holds(Record record, String when, List<String> scope, Map<String, Object> values, DelegateExecution execution) {
    String key = record.app() + "/" + record.form() + "/" + record.formVersion() + "/" + when;
    try {
      RuleScript script = conditions.computeIfAbsent(key, k -> sandbox.compile("condition", RuleScript.Kind.EXPRESSION, when, scope));
      return truthy(sandbox.evaluate(script, values));
    } catch (RuleEvaluationException e) {
      // A condition that fails at run time counts as false; the timeline says why.
      TimelineNotes.add(taskService(), null, execution.getProcessInstanceId(), "conditionFailed", "system",
          execution.getCurrentActivityId(), e.getMessage(), Map.of("condition", when));
      return false;
    }
  }

  private static boolean truthy(Object value) {
    return switch (value) {
      case null -> false;
      case Boolean b -> b;
      case Double d -> d != 0 && !d.isNaN();
      case String s -> !s.isEmpty();
      default -> true;
    };
  }

  /** Runs on the flow into an approve node: fixes who approves, applying the empty and auto-approve policies. */
  private void resolve(DelegateExecution execution) {
    SequenceFlow flow = (SequenceFlow) execution.getCurrentFlowElement();
    FlowElement target = flow.getTargetFlowElement();
    FlowNode.Approve node = node(execution.getProcessDefinitionId(), target, FlowNode.Approve.class).orElseThrow();
    String app = (String) execution.getVariable(BpmnElements.VAR_APP);
    Supplier<JsonNode> record = once(() -> record(execution).data()); // most rules (role, department head of the initiator) never read it
    String initiator = (String) execution.getVariable(BpmnElements.VAR_INITIATOR);
    List<String> approvers = new ArrayList<>(resolver.resolve(node.assignee(), context(execution, node.id(), app, record, initiator)));
    String pid = execution.getProcessInstanceId();
    if (node.excludeInitiator() && approvers.remove(initiator)) {
      FlowNode.Assignee rule = node.assignee();
      // a department head's own claim goes to the head above, not back to them
      for (int up = 1; approvers.isEmpty() && "deptHead".equals(rule.kind()) && up <= MAX_LEVELS_UP; up++) {
        approvers.addAll(resolver.resolve(new FlowNode.Assignee(rule.kind(), rule.users(), rule.role(), rule.level() + up, rule.field()),
            context(execution, node.id(), app, record, initiator)));
        approvers.remove(initiator);
      }
      TimelineNotes.add(taskService(), null, pid, "initiatorExcluded", "system", node.id(), null, Map.of("to", approvers));
    }
    if (approvers.isEmpty()) {
      if ("admin".equals(node.whenEmpty())) {
        approvers.addAll(resolver.appAdmins(app));
      }
      TimelineNotes.add(taskService(), null, pid, approvers.isEmpty() ? "skipped" : "toAdmin", "system", node.id(), null, Map.of("to", approvers));
    }
    if (node.autoApprove() && !approvers.isEmpty()) {
      Set<String> auto = new LinkedHashSet<>(stringList(execution.getVariable(BpmnElements.VAR_LAST)));
      auto.add(initiator);
      List<String> autoApproved = approvers.stream().filter(auto::contains).toList();
      if (!autoApproved.isEmpty()) {
        if ("any".equals(node.mode())) {
          approvers.clear();
        } else {
          approvers.removeAll(autoApproved);
        }
        TimelineNotes.add(taskService(), null, pid, "autoApproved", "system", node.id(), null, Map.of("for", autoApproved));
      }
    }
    execution.setVariable(BpmnElements.approvers(node.id()), new ArrayList<>(approvers));
    if (approvers.isEmpty() && "any".equals(node.mode())) {
      // the shared task of an "any" node is skipped by its skip expression, which Flowable only
      // evaluates once this is set; set it when needed, not one more variable for every instance
      execution.setVariable(BpmnElements.VAR_SKIP_ENABLED, true);
    }
    if ("ratio".equals(node.mode())) { // only a share vote counts yes and no; three variables less for every other node
      execution.setVariable(BpmnElements.yes(node.id()), 0);
      execution.setVariable(BpmnElements.no(node.id()), 0);
      execution.setVariable(BpmnElements.need(node.id()), (int) Math.ceil(node.ratio() * approvers.size()));
    }
  }

  private ApproverResolver.Context context(DelegateExecution execution, String node, String app, Supplier<JsonNode> data, String initiator) {
    @SuppressWarnings("unchecked")
    Map<String, List<String>> choices = execution.getVariable(BpmnElements.VAR_CHOICES) instanceof Map<?, ?> m
        ? (Map<String, List<String>>) m : Map.of();
    return new ApproverResolver.Context(app, node, initiator, data, choices,
        stringList(execution.getVariable(BpmnElements.VAR_NEXT)));
  }

  private void copy(DelegateExecution execution) {
    FlowNode.Cc node = node(execution.getProcessDefinitionId(), execution.getCurrentFlowElement(), FlowNode.Cc.class).orElseThrow();
    Record record = record(execution);
    String initiator = (String) execution.getVariable(BpmnElements.VAR_INITIATOR);
    List<String> to = resolver.resolve(node.to(), context(execution, node.id(), record.app(), record::data, initiator));
    Date now = Date.from(clock.instant());
    for (String user : to) {
      String id = execution.getProcessInstanceId() + ":" + node.id() + ":" + user;
      cc.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("user", user).append("app", record.app())
          .append("form", record.form()).append("recordId", record.id()).append("node", node.id()).append("name", node.name())
          .append("processInstanceId", execution.getProcessInstanceId()).append("at", now), new ReplaceOptions().upsert(true));
    }
    TimelineNotes.add(taskService(), null, execution.getProcessInstanceId(), "cc", "system", node.id(), null, Map.of("to", to));
  }

  private void action(DelegateExecution execution) {
    FlowNode.Action node = node(execution.getProcessDefinitionId(), execution.getCurrentFlowElement(), FlowNode.Action.class).orElseThrow();
    Record record = record(execution);
    var result = plugins.call(node.plugin(), node.action(), record.data(), new PluginContext(record.app(), "flow:" + node.id()));
    String text = Json.MAPPER.writeValueAsString(result);
    TimelineNotes.add(taskService(), null, execution.getProcessInstanceId(), "action", "system", node.id(), null,
        Map.of("plugin", node.plugin(), "pluginAction", node.action(), "result", text.length() > 2000 ? text.substring(0, 2000) : text));
  }

  private void remind(DelegateExecution execution) {
    String node = execution.getCurrentActivityId().replace("_tg_reminder", "");
    TimelineNotes.add(taskService(), null, execution.getProcessInstanceId(), "reminder", "system", node, null, Map.of());
    log.info("Reminder for node {} of process {}", node, execution.getProcessInstanceId());
  }

  private void timeout(DelegateExecution execution) {
    String node = execution.getCurrentActivityId().replace("_tg_timed_out", "");
    boolean rejects = execution.getCurrentFlowElement() instanceof org.flowable.bpmn.model.FlowNode f
        && f.getOutgoingFlows().stream().anyMatch(o -> o.getTargetRef().startsWith(BpmnElements.REJECTED_END_PREFIX));
    TimelineNotes.add(taskService(), null, execution.getProcessInstanceId(), rejects ? "timeoutRejected" : "timeoutApproved",
        "system", node, null, Map.of());
  }

  private Record record(DelegateExecution execution) {
    return records.getUnconstrained((String) execution.getVariable(BpmnElements.VAR_APP),
        (String) execution.getVariable(BpmnElements.VAR_FORM), (String) execution.getVariable(BpmnElements.VAR_RECORD));
  }

  private static <T> Supplier<T> once(Supplier<T> supplier) {
    return new Supplier<>() {
      private T value;

      @Override
      public T get() {
        if (value == null) {
          value = supplier.get();
        }
        return value;
      }
    };
  }

  static List<String> stringList(Object value) {
    List<String> result = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(v -> result.add(String.valueOf(v)));
    }
    return result;
  }

  private static TaskService taskService() {
    return CommandContextUtil.getProcessEngineConfiguration().getTaskService();
  }
}
