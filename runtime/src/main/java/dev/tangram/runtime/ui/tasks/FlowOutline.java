package dev.tangram.runtime.ui.tasks;

import dev.tangram.engine.common.Json;
import dev.tangram.engine.flows.DeployedFlow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What the pages need to know of a form's deployed flow: the names of its nodes (the timeline
 * shows names, not ids) and the approve nodes whose approvers the initiator picks at submit.
 * Plain BPMN flows have neither: their node ids are shown as they are.
 */
public record FlowOutline(Map<String, String> names, List<String> initiatorChoice) {

  public static FlowOutline of(Optional<DeployedFlow> flow) {
    Map<String, String> names = new LinkedHashMap<>();
    List<String> choice = new ArrayList<>();
    if (flow.isPresent() && "json".equals(flow.get().format())) {
      walk(Json.MAPPER.readTree(flow.get().source()).path("nodes"), names, choice);
    }
    return new FlowOutline(Map.copyOf(names), List.copyOf(choice));
  }

  private static void walk(JsonNode nodes, Map<String, String> names, List<String> choice) {
    for (JsonNode node : nodes) {
      String id = node.path("id").asString("");
      if (!id.isEmpty()) {
        names.put(id, node.path("name").asString(id));
      }
      if ("approve".equals(node.path("type").asString()) && "initiatorChoice".equals(node.path("assignee").path("kind").asString())) {
        choice.add(id);
      }
      for (JsonNode branch : node.path("branches")) {
        walk(branch.path("nodes"), names, choice);
      }
    }
  }

  /** The node's name, or its id when the flow gives none (plain BPMN). */
  public String nameOf(String node) {
    return names.getOrDefault(node, node);
  }
}
