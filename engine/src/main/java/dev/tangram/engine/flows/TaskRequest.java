package dev.tangram.engine.flows;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a task action carries; each action reads the parts it needs.
 *
 * @param comment        shown in the timeline
 * @param data           changes to the record's data (approve only), allowed for fields the node grants {@code edit}
 * @param recordVersion  the record version the user saw; a record changed since is a 409
 * @param to             the user a transfer, delegation or add-sign goes to
 * @param target         where a return goes: {@code initiator} or the id of an earlier node
 * @param position       add-sign position: before | after | parallel
 * @param nextApprovers  approvers chosen for the following "previous approver's choice" node
 */
public record TaskRequest(@Nullable String comment, @Nullable ObjectNode data, @Nullable Long recordVersion,
    @Nullable String to, @Nullable String target, @Nullable String position, List<String> nextApprovers) {

  public TaskRequest {
    nextApprovers = nextApprovers == null ? List.of() : List.copyOf(nextApprovers);
  }

  public static TaskRequest comment(@Nullable String comment) {
    return new TaskRequest(comment, null, null, null, null, null, List.of());
  }

  public static TaskRequest to(String user) {
    return new TaskRequest(null, null, null, user, null, null, List.of());
  }

  /** Keeps the map type of chosen approvers in one place for callers that collect them by node. */
  public static Map<String, List<String>> choices(Map<String, List<String>> byNode) {
    return Map.copyOf(byNode);
  }
}
