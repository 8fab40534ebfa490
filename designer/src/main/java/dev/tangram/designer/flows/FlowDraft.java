package dev.tangram.designer.flows;

import dev.tangram.engine.common.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The flow being designed: its top-level nodes and the withdraw mode, to and from flow JSON. */
final class FlowDraft {

  static final List<String> WITHDRAW = List.of("beforeApproval", "anyNode", "never");

  final List<DesignNode> nodes = new ArrayList<>();
  String withdraw = "beforeApproval";

  static FlowDraft read(String json) {
    JsonNode source = Json.MAPPER.readTree(json);
    FlowDraft draft = new FlowDraft();
    draft.withdraw = source.path("withdraw").asString("beforeApproval");
    source.path("nodes").forEach(n -> draft.nodes.add(DesignNode.read(n)));
    return draft;
  }

  String write() {
    ObjectNode json = Json.MAPPER.createObjectNode();
    json.put("withdraw", withdraw);
    ArrayNode list = json.putArray("nodes");
    nodes.forEach(n -> n.write(list.addObject()));
    return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json);
  }

  /** A new node of {@code type} with an id not used yet ({@code approve1}, {@code cc2}, …). */
  DesignNode create(String type) {
    int n = 1;
    while (find(type + n).isPresent()) {
      n++;
    }
    DesignNode node = new DesignNode(type, type + n);
    if ("branch".equals(type)) {
      node.branches.add(new DesignNode.Path("", false));
      node.branches.add(new DesignNode.Path("", true));
    }
    return node;
  }

  Optional<DesignNode> find(String id) {
    List<DesignNode> found = new ArrayList<>();
    visit(nodes, n -> {
      if (n.id.equals(id)) {
        found.add(n);
      }
    });
    return found.stream().findFirst();
  }

  /** Removes {@code node} from wherever it is. */
  void remove(DesignNode node) {
    removeFrom(nodes, node);
  }

  private static boolean removeFrom(List<DesignNode> list, DesignNode node) {
    if (list.remove(node)) {
      return true;
    }
    for (DesignNode n : list) {
      for (DesignNode.Path path : n.branches) {
        if (removeFrom(path.nodes, node)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The node an engine problem path such as {@code nodes[1].branches[0].nodes[2].assignee.role}
   * points at, so the designer can mark it.
   */
  @Nullable DesignNode nodeAt(String path) {
    List<DesignNode> list = nodes;
    DesignNode current = null;
    for (String part : path.split("\\.")) {
      int index = part.indexOf('[');
      if (index < 0) {
        break;
      }
      int i;
      try {
        i = Integer.parseInt(part.substring(index + 1, part.indexOf(']')));
      } catch (RuntimeException e) {
        break;
      }
      String name = part.substring(0, index);
      if ("nodes".equals(name) && list != null && i < list.size()) {
        current = list.get(i);
        list = null;
      } else if ("branches".equals(name) && current != null && i < current.branches.size()) {
        list = current.branches.get(i).nodes;
      } else {
        break;
      }
    }
    return current;
  }

  static void visit(List<DesignNode> list, Consumer<DesignNode> visitor) {
    for (DesignNode n : list) {
      visitor.accept(n);
      n.branches.forEach(p -> visit(p.nodes, visitor));
    }
  }
}
