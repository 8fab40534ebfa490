package dev.tangram.engine.flows.internal;

import java.util.List;
import java.util.Optional;
import org.flowable.bpmn.model.BaseElement;
import org.flowable.bpmn.model.ExtensionElement;
import org.flowable.bpmn.model.FlowableListener;
import org.flowable.bpmn.model.ImplementationType;

/**
 * The names Tangram uses inside BPMN: the hook beans Flowable may call (and nothing else), the
 * extension elements that carry a node's definition and a condition's script, and the process
 * variables the hooks share.
 */
public final class BpmnElements {

  public static final String NAMESPACE = "https://tangram.dev/bpmn";
  public static final String PREFIX = "tangram";
  /** Extension element holding a node's definition (JSON) on its BPMN element. */
  public static final String NODE = "node";
  /** Extension element holding a sequence flow's condition (JavaScript, run in the sandbox). */
  public static final String WHEN = "when";

  public static final String ROUTE = "tangramRoute";
  public static final String RESOLVE = "tangramResolve";
  public static final String CC = "tangramCc";
  public static final String ACTION = "tangramAction";
  public static final String REMIND = "tangramRemind";
  public static final String TIMEOUT = "tangramTimeout";
  public static final List<String> HOOKS = List.of(ROUTE, RESOLVE, CC, ACTION, REMIND, TIMEOUT);

  public static final String VAR_APP = "tg_app";
  public static final String VAR_FORM = "tg_form";
  public static final String VAR_RECORD = "tg_record";
  public static final String VAR_INITIATOR = "tg_initiator";
  public static final String VAR_CHOICES = "tg_choices";
  public static final String VAR_NEXT = "tg_next";
  public static final String VAR_LAST = "tg_last";
  /** The node whose approvers {@link #VAR_LAST} lists. */
  public static final String VAR_LAST_NODE = "tg_last_node";
  public static final String VAR_APPROVER = "tg_approver";
  public static final String VAR_WITHDRAW = "tg_withdraw";
  /** Flowable's switch for skip expressions (those of shared "any" tasks). */
  public static final String VAR_SKIP_ENABLED = "_FLOWABLE_SKIP_EXPRESSION_ENABLED";

  /** The end event a timeout that rejects leads to. */
  public static final String REJECTED_END_PREFIX = "tg_rejected_";

  private BpmnElements() {}

  public static String approvers(String node) {
    return "tg_approvers_" + node;
  }

  public static String yes(String node) {
    return "tg_yes_" + node;
  }

  public static String no(String node) {
    return "tg_no_" + node;
  }

  public static String need(String node) {
    return "tg_need_" + node;
  }

  /** The boolean variable a gateway's route hook sets for one outgoing flow. */
  public static String conditionVariable(String flowId) {
    return "tg_c_" + flowId.replaceAll("[^A-Za-z0-9_]", "_");
  }

  public static String processKey(String app, String form) {
    return "tg." + app + "." + form;
  }

  public static void put(BaseElement element, String name, String text) {
    ExtensionElement e = new ExtensionElement();
    e.setName(name);
    e.setNamespace(NAMESPACE);
    e.setNamespacePrefix(PREFIX);
    e.setElementText(text);
    element.addExtensionElement(e);
  }

  public static Optional<String> get(BaseElement element, String name) {
    List<ExtensionElement> found = element.getExtensionElements().get(name);
    return found == null || found.isEmpty() ? Optional.empty() : Optional.ofNullable(found.getFirst().getElementText());
  }

  public static FlowableListener listener(String event, String hook) {
    FlowableListener l = new FlowableListener();
    l.setEvent(event);
    l.setImplementationType(ImplementationType.IMPLEMENTATION_TYPE_DELEGATEEXPRESSION);
    l.setImplementation("${" + hook + "}");
    return l;
  }
}
