package dev.tangram.designer.flows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One node of the flow being designed, mutable while the designer edits it; {@link #write} gives
 * the flow JSON of docs/flows.md and {@link #read} takes it back. Only the attributes of the
 * node's type are written, so the engine's check sees exactly what the panel shows.
 */
final class DesignNode {

  static final List<String> KINDS = List.of("user", "role", "deptHead", "field", "initiatorChoice", "previousChoice", "initiator");
  static final List<String> CC_KINDS = List.of("user", "role", "deptHead", "field", "initiator");
  static final List<String> MODES = List.of("any", "all", "ratio", "sequential");
  static final List<String> PERMISSIONS = List.of("edit", "read", "hidden");

  /** approve | cc | action | branch | parallel (parallel comes only from a saved flow JSON) */
  final String type;
  String id;
  String name = "";
  String kind = "user";
  List<String> users = new ArrayList<>();
  @Nullable String role;
  int level = 1;
  @Nullable String field;
  String mode = "any";
  double ratio = 0.5;
  String whenEmpty = "admin";
  boolean autoApprove;
  final Map<String, String> fields = new LinkedHashMap<>();
  @Nullable Integer remindHours;
  @Nullable Integer afterHours;
  String timeoutAction = "none";
  @Nullable String plugin;
  @Nullable String action;
  final List<Path> branches = new ArrayList<>();

  /** One path of a branch: its condition ({@code otherwise} = the default path, always last) and its nodes. */
  static final class Path {
    String when = "";
    boolean otherwise;
    final List<DesignNode> nodes = new ArrayList<>();

    Path(String when, boolean otherwise) {
      this.when = when;
      this.otherwise = otherwise;
    }
  }

  DesignNode(String type, String id) {
    this.type = type;
    this.id = id;
  }

  ObjectNode write(ObjectNode json) {
    json.put("id", id);
    json.put("type", type);
    if (!name.isBlank() && !"branch".equals(type)) {
      json.put("name", name);
    }
    switch (type) {
      case "approve" -> writeApprove(json);
      case "cc" -> writeAssignee(json.putObject("to"));
      case "action" -> json.put("plugin", plugin == null ? "" : plugin).put("action", action == null ? "" : action);
      case "branch", "parallel" -> {
        ArrayNode paths = json.putArray("branches");
        for (Path path : branches) {
          ObjectNode p = paths.addObject();
          if (path.otherwise) {
            p.put("otherwise", true);
          } else if ("branch".equals(type)) {
            p.put("when", path.when);
          }
          ArrayNode nodes = p.putArray("nodes");
          path.nodes.forEach(n -> n.write(nodes.addObject()));
        }
      }
      default -> throw new IllegalStateException("Unknown node type " + type);
    }
    return json;
  }

  private void writeApprove(ObjectNode json) {
    writeAssignee(json.putObject("assignee"));
    json.put("mode", mode);
    if ("ratio".equals(mode)) {
      json.put("ratio", ratio);
    }
    json.put("whenEmpty", whenEmpty);
    if (autoApprove) {
      json.put("autoApprove", true);
    }
    ObjectNode permissions = json.putObject("fields");
    fields.forEach((field, permission) -> {
      if (!"read".equals(permission)) { // read is the default: only the exceptions are written
        permissions.put(field, permission);
      }
    });
    if (remindHours != null || afterHours != null) {
      ObjectNode timeout = json.putObject("timeout");
      if (remindHours != null) {
        timeout.put("remindAfter", "PT" + remindHours + "H");
      }
      if (afterHours != null) {
        timeout.put("after", "PT" + afterHours + "H");
        timeout.put("action", timeoutAction);
      }
    }
  }

  private void writeAssignee(ObjectNode json) {
    json.put("kind", kind);
    switch (kind) {
      case "user" -> {
        ArrayNode list = json.putArray("users");
        users.forEach(list::add);
      }
      case "role" -> json.put("role", role == null ? "" : role);
      case "deptHead" -> json.put("level", level);
      case "field" -> json.put("field", field == null ? "" : field);
      default -> { }
    }
  }

  static DesignNode read(JsonNode json) {
    DesignNode node = new DesignNode(json.path("type").asString("approve"), json.path("id").asString(""));
    node.name = json.path("name").asString("");
    JsonNode assignee = json.has("to") ? json.get("to") : json.path("assignee");
    node.kind = assignee.path("kind").asString("user");
    assignee.path("users").forEach(u -> node.users.add(u.asString()));
    if (assignee.has("user")) {
      node.users.add(assignee.get("user").asString());
    }
    node.role = assignee.path("role").asString(null);
    node.level = assignee.path("level").asInt(1);
    node.field = assignee.path("field").asString(null);
    node.mode = json.path("mode").asString("any");
    node.ratio = json.path("ratio").asDouble(0.5);
    node.whenEmpty = json.path("whenEmpty").asString("admin");
    node.autoApprove = json.path("autoApprove").asBoolean(false);
    json.path("fields").properties().forEach(p -> node.fields.put(p.getKey(), p.getValue().asString()));
    JsonNode timeout = json.path("timeout");
    node.remindHours = hours(timeout.path("remindAfter").asString(null));
    node.afterHours = hours(timeout.path("after").asString(null));
    node.timeoutAction = timeout.path("action").asString("none");
    node.plugin = json.path("plugin").asString(null);
    node.action = json.path("action").asString(null);
    for (JsonNode b : json.path("branches")) {
      Path path = new Path(b.path("when").asString(""), b.path("otherwise").asBoolean(false));
      b.path("nodes").forEach(n -> path.nodes.add(read(n)));
      node.branches.add(path);
    }
    return node;
  }

  private static @Nullable Integer hours(@Nullable String iso) {
    if (iso == null || iso.isBlank()) {
      return null;
    }
    try {
      return (int) Duration.parse(iso).toHours();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
