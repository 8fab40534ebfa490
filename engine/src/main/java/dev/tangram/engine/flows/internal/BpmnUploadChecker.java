package dev.tangram.engine.flows.internal;

import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.engine.access.Role;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.forms.FieldDefinition;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.rules.RuleEvaluationException;
import dev.tangram.engine.rules.RuleScript;
import dev.tangram.engine.rules.ScriptSandbox;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.Gateway;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.SubProcess;
import org.flowable.bpmn.model.UserTask;
import org.flowable.validation.ProcessValidatorFactory;
import org.flowable.validation.ValidationError;
import org.jspecify.annotations.Nullable;

/**
 * Accepts plain BPMN 2.0 XML drawn in any modeler, under Tangram's rules: parsed without DTDs or
 * external entities, checked with Flowable's own validator, and refused if it could run code of its
 * own — script, service, business-rule, send tasks, call activities, listeners, class or delegate
 * references, or any expression other than a plain variable such as {@code ${tg_initiator}}.
 * Conditions on a gateway's outgoing flows are JavaScript run in the rules sandbox; they are moved
 * into extension elements and replaced by the variables the route hook sets.
 */
public final class BpmnUploadChecker {

  private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("scriptTask", "serviceTask", "businessRuleTask", "sendTask",
      "callActivity", "executionListener", "taskListener", "eventListener", "script", "field", "in", "out",
      "httpTask");
  private static final Set<String> FORBIDDEN_ATTRIBUTES = Set.of("class", "expression", "delegateExpression",
      "resultVariableName", "resultVariable", "skipExpression", "type", "scriptFormat", "triggerable", "initiator");
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern PLAIN_VARIABLE = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*");
  private static final Set<String> FORBIDDEN_NAMES = Set.of("execution", "task", "authenticatedUserId", "variableContainer");

  private final OrgDirectory directory;
  private final ScriptSandbox sandbox;
  private final FormDefinition form;
  private final List<FieldError> problems = new ArrayList<>();

  public BpmnUploadChecker(OrgDirectory directory, ScriptSandbox sandbox, FormDefinition form) {
    this.directory = directory;
    this.sandbox = sandbox;
    this.form = form;
  }

  public List<FieldError> problems() {
    return problems;
  }

  /** The checked and instrumented model with its process id set to {@code processKey}, or null (see {@link #problems()}). */
  public @Nullable BpmnModel check(String xml, String processKey) {
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    if (!scanSafe(bytes)) {
      return null;
    }
    BpmnModel model;
    try {
      model = new BpmnXMLConverter().convertToBpmnModel(() -> new ByteArrayInputStream(bytes), true, true);
    } catch (RuntimeException e) {
      problem("bpmn", "xml", "The BPMN XML is not valid: " + e.getMessage());
      return null;
    }
    List<Process> processes = model.getProcesses();
    if (processes.size() != 1) {
      problem("bpmn", "processCount", "The BPMN must hold exactly one process, it holds " + processes.size());
      return null;
    }
    Process process = processes.getFirst();
    for (ValidationError error : new ProcessValidatorFactory().createDefaultProcessValidator().validate(model)) {
      if (!error.isWarning()) {
        problem(error.getActivityId() == null ? "bpmn" : "bpmn." + error.getActivityId(), "bpmn",
            error.getDefaultDescription() + (error.getXmlLineNumber() > 0 ? " (line " + error.getXmlLineNumber() + ")" : ""));
      }
    }
    checkReachable(process);
    checkPeople(process);
    checkGateways(process);
    if (!problems.isEmpty()) {
      return null;
    }
    process.setId(processKey);
    process.setExecutable(true);
    instrument(process);
    model.addNamespace(BpmnElements.PREFIX, BpmnElements.NAMESPACE);
    return model;
  }

  /** One streaming pass over the raw XML with DTDs and external entities off: refuses what may run code. */
  private boolean scanSafe(byte[] bytes) {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    int before = problems.size();
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      XMLStreamReader reader = factory.createXMLStreamReader(in);
      String current = "";
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.DTD) {
          problem("bpmn", "doctype", "A BPMN document may not declare a DOCTYPE or entities");
          return false;
        }
        if (event == XMLStreamConstants.START_ELEMENT) {
          current = reader.getLocalName();
          String id = reader.getAttributeValue(null, "id");
          String at = id == null ? "bpmn" : "bpmn." + id;
          if (FORBIDDEN_ELEMENTS.contains(current)) {
            problem(at, "forbiddenElement", "<" + current + "> may run code outside the sandbox and is not allowed; use a flow JSON action node for plugin calls");
          }
          for (int i = 0; i < reader.getAttributeCount(); i++) {
            String name = reader.getAttributeLocalName(i);
            String ns = reader.getAttributeNamespace(i);
            if (ns != null && !ns.isEmpty() && !ns.startsWith("http://www.omg.org") && !ns.startsWith("http://www.w3.org")
                && FORBIDDEN_ATTRIBUTES.contains(name)) {
              problem(at, "forbiddenAttribute", "Attribute '" + name + "' on <" + current + "> is not allowed in an uploaded flow");
            }
            checkExpressions(reader.getAttributeValue(i), at);
          }
        } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
          if (!"conditionExpression".equals(current)) {
            checkExpressions(reader.getText(), "bpmn");
          }
        }
      }
    } catch (XMLStreamException | java.io.IOException e) {
      problem("bpmn", "xml", "The BPMN XML does not parse: " + e.getMessage());
    }
    return problems.size() == before;
  }

  private void checkExpressions(String value, String at) {
    Matcher m = EXPRESSION.matcher(value);
    while (m.find()) {
      Matcher plain = PLAIN_VARIABLE.matcher(m.group(1));
      if (!plain.matches() || FORBIDDEN_NAMES.contains(plain.group(1)) || plain.group(1).startsWith("tangram")) {
        problem(at, "forbiddenExpression", "Expression '" + m.group() + "' is not allowed: only a plain variable such as ${tg_initiator}");
      }
    }
  }

  private void checkReachable(Process process) {
    Set<String> reached = new HashSet<>();
    Deque<FlowElement> todo = new ArrayDeque<>();
    process.getFlowElements().stream().filter(StartEvent.class::isInstance).forEach(todo::add);
    while (!todo.isEmpty()) {
      FlowElement e = todo.pop();
      if (!reached.add(e.getId())) {
        continue;
      }
      if (e instanceof FlowNode node) {
        node.getOutgoingFlows().forEach(f -> todo.add(f.getTargetFlowElement() == null ? f : f.getTargetFlowElement()));
      }
      if (e instanceof org.flowable.bpmn.model.Activity activity) {
        todo.addAll(activity.getBoundaryEvents());
      }
      if (e instanceof SubProcess sub) {
        sub.getFlowElements().stream().filter(StartEvent.class::isInstance).forEach(todo::add);
      }
    }
    for (FlowElement e : process.findFlowElementsOfType(FlowNode.class, true)) {
      if (!reached.contains(e.getId()) && !(e instanceof BoundaryEvent)) {
        problem("bpmn." + e.getId(), "unreachable", "Node '" + e.getId() + "' can never be reached from the start event");
      }
    }
  }

  private void checkPeople(Process process) {
    Set<String> roles = new HashSet<>();
    directory.roles().stream().map(Role::key).forEach(roles::add);
    for (UserTask task : process.findFlowElementsOfType(UserTask.class, true)) {
      List<String> users = new ArrayList<>(task.getCandidateUsers());
      if (task.getAssignee() != null) {
        users.add(task.getAssignee());
      }
      for (String user : users) {
        if (!user.contains("${") && directory.findUser(user).isEmpty()) {
          problem("bpmn." + task.getId(), "unknownUser", "There is no user '" + user + "' (task '" + task.getId() + "')");
        }
      }
      for (String group : task.getCandidateGroups()) {
        if (!group.contains("${") && !roles.contains(group)) {
          problem("bpmn." + task.getId(), "unknownRole", "There is no role '" + group + "' (task '" + task.getId() + "')");
        }
      }
    }
  }

  private void checkGateways(Process process) {
    List<String> scope = form.fields().stream().map(FieldDefinition::key).toList();
    for (SequenceFlow flow : process.findFlowElementsOfType(SequenceFlow.class, true)) {
      String condition = flow.getConditionExpression();
      if (condition == null || condition.isBlank()) {
        continue;
      }
      if (!(flow.getSourceFlowElement() instanceof Gateway)) {
        problem("bpmn." + flow.getId(), "conditionPlacement", "Flow '" + flow.getId() + "' has a condition but does not leave a gateway");
        continue;
      }
      try {
        sandbox.compile("condition", RuleScript.Kind.EXPRESSION, condition, scope);
      } catch (RuleEvaluationException e) {
        problem("bpmn." + flow.getId(), "syntax", "Condition '" + condition + "' of flow '" + flow.getId() + "', line " + e.line()
            + " column " + e.column() + ": " + e.detail());
      }
    }
    for (Gateway gateway : process.findFlowElementsOfType(Gateway.class, true)) {
      List<SequenceFlow> out = gateway.getOutgoingFlows();
      boolean conditional = out.stream().anyMatch(f -> f.getConditionExpression() != null && !f.getConditionExpression().isBlank());
      boolean unconditional = out.stream().anyMatch(f -> f.getConditionExpression() == null || f.getConditionExpression().isBlank());
      if (conditional && gateway.getDefaultFlow() == null && !unconditional) {
        problem("bpmn." + gateway.getId(), "noDefault", "Gateway '" + gateway.getId() + "' has conditions but no default flow");
      }
    }
  }

  /** Conditions become sandbox scripts behind the route hook; nothing else is added. */
  private static void instrument(Process process) {
    for (Gateway gateway : process.findFlowElementsOfType(Gateway.class, true)) {
      boolean routed = false;
      for (SequenceFlow flow : gateway.getOutgoingFlows()) {
        String condition = flow.getConditionExpression();
        if (condition != null && !condition.isBlank()) {
          BpmnElements.put(flow, BpmnElements.WHEN, condition.trim());
          flow.setConditionExpression("${" + BpmnElements.conditionVariable(flow.getId()) + "}");
          routed = true;
        }
      }
      if (routed) {
        gateway.getExecutionListeners().add(BpmnElements.listener("start", BpmnElements.ROUTE));
      }
    }
  }

  private void problem(String field, String code, String message) {
    problems.add(new FieldError(field, code, message));
  }
}
