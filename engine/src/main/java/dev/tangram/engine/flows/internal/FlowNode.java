package dev.tangram.engine.flows.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One node of the DingTalk-style flow tree (DESIGN §5), as read and checked by {@link FlowModelReader}. */
public sealed interface FlowNode {

  String id();

  /** Who a node is for: the approvers of an approve node, the recipients of a CC node. */
  record Assignee(String kind, List<String> users, @Nullable String role, int level, @Nullable String field) {}

  /** Reminder and automatic action after a time without decision. */
  record Timeout(@Nullable Duration remindAfter, @Nullable Duration after, String action) {}

  /**
   * @param mode       any | all | ratio | sequential
   * @param whenEmpty  skip | admin: what happens when the assignee rule finds nobody
   * @param autoApprove approve on the approver's behalf when they are the initiator or just approved the node before
   * @param fields     field permissions at this node: edit | read | hidden (absent = read)
   * @param excludeInitiator the initiator never approves at this node ("no one approves their own
   *                   claim"); a department head rule then goes up a level, others fall to whenEmpty
   */
  record Approve(String id, String name, Assignee assignee, String mode, double ratio, String whenEmpty,
      boolean autoApprove, Map<String, String> fields, @Nullable Timeout timeout, boolean excludeInitiator) implements FlowNode {}

  record Cc(String id, String name, Assignee to) implements FlowNode {}

  record Action(String id, String name, String plugin, String action) implements FlowNode {}

  /** Exclusive choice: the first branch whose condition holds; {@code when == null} is the default. */
  record Branch(String id, List<Path> branches) implements FlowNode {}

  /** All branches at once, joined before the next node. */
  record Parallel(String id, List<Path> branches) implements FlowNode {}

  /** One path of a branch or parallel node. */
  record Path(@Nullable String when, List<FlowNode> nodes) {}

  /** The whole flow: its nodes and when the initiator may withdraw (never | beforeApproval | anyNode). */
  record Flow(List<FlowNode> nodes, String withdraw) {}
}
