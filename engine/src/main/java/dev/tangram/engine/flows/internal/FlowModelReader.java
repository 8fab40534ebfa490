package dev.tangram.engine.flows.internal;

import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.engine.access.Role;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.Keys;
import dev.tangram.engine.forms.FieldDefinition;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.plugins.PluginRegistry;
import dev.tangram.engine.rules.RuleEvaluationException;
import dev.tangram.engine.rules.RuleScript;
import dev.tangram.engine.rules.ScriptSandbox;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the flow JSON of DESIGN §5 into {@link FlowNode}s and lists every problem at once: unknown
 * attributes, unknown users, roles, fields, plugins and actions, conditions that do not parse,
 * branches without a default, branches that can never be taken, duplicate ids.
 */
public final class FlowModelReader {

  static final Set<String> KINDS = Set.of("user", "role", "deptHead", "field", "initiatorChoice", "previousChoice", "initiator");
  static final Set<String> MODES = Set.of("any", "all", "ratio", "sequential");
  static final Set<String> WITHDRAW = Set.of("never", "beforeApproval", "anyNode");
  private static final Set<String> PERMISSIONS = Set.of("edit", "read", "hidden");

  private final OrgDirectory directory;
  private final ScriptSandbox sandbox;
  private final PluginRegistry plugins;
  private final FormDefinition form;
  private final Set<String> plannedRoles;
  private final List<FieldError> problems = new ArrayList<>();
  private final Set<String> ids = new HashSet<>();
  private int generated;

  public FlowModelReader(OrgDirectory directory, ScriptSandbox sandbox, PluginRegistry plugins, FormDefinition form) {
    this(directory, sandbox, plugins, form, Set.of());
  }

  /** @param plannedRoles roles that count as existing although the directory does not have them yet (a template installs them first) */
  public FlowModelReader(OrgDirectory directory, ScriptSandbox sandbox, PluginRegistry plugins, FormDefinition form, Set<String> plannedRoles) {
    this.directory = directory;
    this.sandbox = sandbox;
    this.plugins = plugins;
    this.form = form;
    this.plannedRoles = Set.copyOf(plannedRoles);
  }

  /** The flow, or null with {@link #problems()} saying why. */
  public FlowNode.@Nullable Flow read(JsonNode json) {
    if (!json.isObject()) {
      problem("body", "type", "A flow is a JSON object with 'nodes'");
      return null;
    }
    refuseUnknown(json, "", Set.of("nodes", "withdraw"), "The flow");
    String withdraw = text(json, "withdraw", "", "beforeApproval");
    if (!WITHDRAW.contains(withdraw)) {
      problem("withdraw", "enum", "Withdraw mode '" + withdraw + "' is not one of never, beforeApproval, anyNode");
    }
    JsonNode nodes = json.get("nodes");
    if (nodes == null || !nodes.isArray() || nodes.isEmpty()) {
      problem("nodes", "required", "A flow needs at least one node in 'nodes'");
      return null;
    }
    List<FlowNode> read = sequence(nodes, "nodes");
    if (read.stream().noneMatch(FlowModelReader::approvesSomething)) {
      problem("nodes", "noApproval", "A flow needs at least one approve node");
    }
    return problems.isEmpty() ? new FlowNode.Flow(read, withdraw) : null;
  }

  public List<FieldError> problems() {
    return problems;
  }

  private static boolean approvesSomething(FlowNode node) {
    return switch (node) {
      case FlowNode.Approve a -> true;
      case FlowNode.Branch b -> b.branches().stream().anyMatch(p -> p.nodes().stream().anyMatch(FlowModelReader::approvesSomething));
      case FlowNode.Parallel p -> p.branches().stream().anyMatch(x -> x.nodes().stream().anyMatch(FlowModelReader::approvesSomething));
      default -> false;
    };
  }

  private List<FlowNode> sequence(JsonNode nodes, String path) {
    List<FlowNode> result = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      FlowNode node = node(nodes.get(i), path + "[" + i + "]");
      if (node != null) {
        result.add(node);
      }
    }
    return result;
  }

  private @Nullable FlowNode node(JsonNode json, String path) {
    if (!json.isObject()) {
      problem(path, "type", "A node is a JSON object");
      return null;
    }
    String type = text(json, "type", path, "");
    return switch (type) {
      case "approve" -> approve(json, path);
      case "cc" -> cc(json, path);
      case "action" -> action(json, path);
      case "branch" -> branch(json, path);
      case "parallel" -> parallel(json, path);
      default -> {
        problem(path + ".type", "enum", "Node type '" + type + "' is not one of approve, cc, branch, parallel, action");
        yield null;
      }
    };
  }

  private FlowNode.Approve approve(JsonNode json, String path) {
    refuseUnknown(json, path, Set.of("id", "type", "name", "assignee", "mode", "ratio", "whenEmpty", "autoApprove", "excludeInitiator", "fields", "timeout"), "An approve node");
    String id = id(json, path, true);
    String mode = text(json, "mode", path, "any");
    if (!MODES.contains(mode)) {
      problem(path + ".mode", "enum", "Mode '" + mode + "' of node '" + id + "' is not one of any, all, ratio, sequential");
    }
    double ratio = json.has("ratio") && json.get("ratio").isNumber() ? json.get("ratio").asDouble() : 0.5;
    if ("ratio".equals(mode) && (ratio <= 0 || ratio > 1)) {
      problem(path + ".ratio", "range", "The ratio of node '" + id + "' must be above 0 and at most 1");
    }
    String whenEmpty = text(json, "whenEmpty", path, "admin");
    if (!Set.of("skip", "admin").contains(whenEmpty)) {
      problem(path + ".whenEmpty", "enum", "whenEmpty of node '" + id + "' is not one of skip, admin");
    }
    boolean auto = json.has("autoApprove") && json.get("autoApprove").asBoolean(false);
    boolean exclude = json.has("excludeInitiator") && json.get("excludeInitiator").asBoolean(false);
    if (auto && exclude) {
      problem(path + ".excludeInitiator", "conflict", "Node '" + id + "' cannot both approve for the initiator (autoApprove) and exclude the initiator");
    }
    return new FlowNode.Approve(id, text(json, "name", path, id), assignee(json.get("assignee"), path + ".assignee", id),
        mode, ratio, whenEmpty, auto, fields(json.get("fields"), path + ".fields"), timeout(json.get("timeout"), path + ".timeout"), exclude);
  }

  private FlowNode.Cc cc(JsonNode json, String path) {
    refuseUnknown(json, path, Set.of("id", "type", "name", "to"), "A cc node");
    String id = id(json, path, true);
    return new FlowNode.Cc(id, text(json, "name", path, id), assignee(json.get("to"), path + ".to", id));
  }

  private FlowNode.Action action(JsonNode json, String path) {
    refuseUnknown(json, path, Set.of("id", "type", "name", "plugin", "action"), "An action node");
    String id = id(json, path, true);
    String plugin = text(json, "plugin", path, "");
    String action = text(json, "action", path, "");
    var found = plugins.find(plugin);
    if (found.isEmpty()) {
      problem(path + ".plugin", "unknownPlugin", "There is no plugin '" + plugin + "' (node '" + id + "')");
    } else if (found.get().actions().stream().noneMatch(a -> a.name().equals(action))) {
      problem(path + ".action", "unknownAction", "Plugin '" + plugin + "' has no action '" + action + "' (node '" + id + "')");
    }
    return new FlowNode.Action(id, text(json, "name", path, id), plugin, action);
  }

  private FlowNode.Branch branch(JsonNode json, String path) {
    refuseUnknown(json, path, Set.of("id", "type", "branches"), "A branch node");
    String id = id(json, path, false);
    JsonNode branches = json.get("branches");
    List<FlowNode.Path> paths = new ArrayList<>();
    if (branches == null || !branches.isArray() || branches.size() < 2) {
      problem(path + ".branches", "required", "Branch node '" + id + "' needs at least two branches");
      return new FlowNode.Branch(id, paths);
    }
    boolean hasDefault = false;
    for (int i = 0; i < branches.size(); i++) {
      JsonNode b = branches.get(i);
      String at = path + ".branches[" + i + "]";
      refuseUnknown(b, at, Set.of("when", "otherwise", "nodes", "name"), "A branch");
      boolean otherwise = b.has("otherwise") && b.get("otherwise").asBoolean(false);
      String when = otherwise ? null : text(b, "when", at, "");
      if (hasDefault) {
        problem(at, "unreachable", "Branch " + (i + 1) + " of '" + id + "' comes after the default branch and can never be taken");
      }
      if (otherwise) {
        hasDefault = true;
      } else if (when == null || when.isBlank()) {
        problem(at + ".when", "required", "Branch " + (i + 1) + " of '" + id + "' needs a condition 'when' or \"otherwise\": true");
      } else {
        checkCondition(when, at + ".when");
      }
      JsonNode nodes = b.get("nodes");
      paths.add(new FlowNode.Path(when, nodes == null || !nodes.isArray() ? List.of() : sequence(nodes, at + ".nodes")));
    }
    if (!hasDefault) {
      problem(path + ".branches", "noDefault", "Branch node '" + id + "' has no default branch (\"otherwise\": true)");
    }
    return new FlowNode.Branch(id, paths);
  }

  private FlowNode.Parallel parallel(JsonNode json, String path) {
    refuseUnknown(json, path, Set.of("id", "type", "branches"), "A parallel node");
    String id = id(json, path, false);
    JsonNode branches = json.get("branches");
    List<FlowNode.Path> paths = new ArrayList<>();
    if (branches == null || !branches.isArray() || branches.size() < 2) {
      problem(path + ".branches", "required", "Parallel node '" + id + "' needs at least two branches");
      return new FlowNode.Parallel(id, paths);
    }
    for (int i = 0; i < branches.size(); i++) {
      String at = path + ".branches[" + i + "]";
      refuseUnknown(branches.get(i), at, Set.of("nodes", "name"), "A parallel branch");
      JsonNode nodes = branches.get(i).get("nodes");
      paths.add(new FlowNode.Path(null, nodes == null || !nodes.isArray() ? List.of() : sequence(nodes, at + ".nodes")));
    }
    return new FlowNode.Parallel(id, paths);
  }

  private void checkCondition(String when, String path) {
    List<String> scope = form.fields().stream().map(FieldDefinition::key).toList();
    try {
      sandbox.compile("condition", RuleScript.Kind.EXPRESSION, when, scope);
    } catch (RuleEvaluationException e) {
      problem(path, "syntax", "Condition '" + when + "', line " + e.line() + " column " + e.column() + ": " + e.detail());
    }
  }

  private FlowNode.Assignee assignee(@Nullable JsonNode json, String path, String node) {
    if (json == null || !json.isObject()) {
      problem(path, "required", "Node '" + node + "' needs an assignee object with a 'kind'");
      return new FlowNode.Assignee("initiator", List.of(), null, 1, null);
    }
    refuseUnknown(json, path, Set.of("kind", "user", "users", "role", "level", "of", "field"), "An assignee");
    String kind = text(json, "kind", path, "");
    List<String> users = new ArrayList<>();
    if (json.has("user")) {
      users.add(json.get("user").asString(""));
    }
    if (json.has("users") && json.get("users").isArray()) {
      json.get("users").forEach(u -> users.add(u.asString("")));
    }
    String role = json.has("role") ? json.get("role").asString("") : null;
    int level = json.has("level") ? json.get("level").asInt(1) : 1;
    String field = json.has("field") ? json.get("field").asString("") : json.has("of") ? json.get("of").asString("") : null;
    if ("initiator".equals(field)) {
      field = null;
    }
    switch (kind) {
      case "user" -> {
        if (users.isEmpty()) {
          problem(path + ".users", "required", "Node '" + node + "' names no user");
        }
        for (String u : users) {
          if (directory.findUser(u).isEmpty()) {
            problem(path + ".users", "unknownUser", "There is no user '" + u + "' (node '" + node + "')");
          }
        }
      }
      case "role" -> {
        if (role == null || (!plannedRoles.contains(role) && directory.roles().stream().map(Role::key).noneMatch(role::equals))) {
          problem(path + ".role", "unknownRole", "There is no role '" + role + "' (node '" + node + "')");
        }
      }
      case "deptHead" -> {
        if (level < 1) {
          problem(path + ".level", "min", "The department head level of node '" + node + "' starts at 1");
        }
        if (field != null) {
          requireField(field, Set.of("department"), path + ".of", node);
        }
      }
      case "field" -> requireField(field == null ? "" : field, Set.of("user"), path + ".field", node);
      case "initiatorChoice", "previousChoice", "initiator" -> { }
      default -> problem(path + ".kind", "enum", "Assignee kind '" + kind + "' of node '" + node + "' is not one of " + String.join(", ", KINDS.stream().sorted().toList()));
    }
    return new FlowNode.Assignee(kind, users, role, level, field);
  }

  private void requireField(String key, Set<String> types, String path, String node) {
    var field = form.findField(key);
    if (field.isEmpty()) {
      problem(path, "unknownField", "Form '" + form.key() + "' has no field '" + key + "' (node '" + node + "')");
    } else if (!types.contains(field.get().type())) {
      problem(path, "fieldType", "Field '" + key + "' is a " + field.get().type() + " field, node '" + node + "' needs a " + String.join(" or ", types) + " field");
    }
  }

  private Map<String, String> fields(@Nullable JsonNode json, String path) {
    Map<String, String> result = new LinkedHashMap<>();
    if (json == null || json.isNull()) {
      return result;
    }
    if (!json.isObject()) {
      problem(path, "type", "'fields' maps field keys to edit, read or hidden");
      return result;
    }
    for (String key : json.propertyNames()) {
      String value = json.get(key).asString("");
      if (form.findField(key).isEmpty()) {
        problem(path + "." + key, "unknownField", "Form '" + form.key() + "' has no field '" + key + "'");
      } else if (!PERMISSIONS.contains(value)) {
        problem(path + "." + key, "enum", "Permission '" + value + "' of field '" + key + "' is not one of edit, read, hidden");
      }
      result.put(key, value);
    }
    return result;
  }

  private FlowNode.@Nullable Timeout timeout(@Nullable JsonNode json, String path) {
    if (json == null || json.isNull()) {
      return null;
    }
    refuseUnknown(json, path, Set.of("remindAfter", "after", "action"), "A timeout");
    Duration remind = duration(json, "remindAfter", path);
    Duration after = duration(json, "after", path);
    String action = text(json, "action", path, "none");
    if (!Set.of("none", "approve", "reject").contains(action)) {
      problem(path + ".action", "enum", "Timeout action '" + action + "' is not one of none, approve, reject");
    }
    if (after == null && !"none".equals(action)) {
      problem(path + ".after", "required", "A timeout action needs 'after' (an ISO-8601 duration such as PT48H)");
    }
    return new FlowNode.Timeout(remind, after, action);
  }

  private @Nullable Duration duration(JsonNode json, String name, String path) {
    if (!json.has(name)) {
      return null;
    }
    try {
      Duration d = Duration.parse(json.get(name).asString(""));
      if (d.isNegative() || d.isZero()) {
        problem(path + "." + name, "range", "'" + name + "' must be a positive duration");
      }
      return d;
    } catch (DateTimeParseException e) {
      problem(path + "." + name, "duration", "'" + json.get(name).asString("") + "' is not an ISO-8601 duration such as PT48H");
      return null;
    }
  }

  private String id(JsonNode json, String path, boolean required) {
    JsonNode value = json.get("id");
    if (value == null) {
      if (required) {
        problem(path + ".id", "required", "A node of type '" + json.path("type").asString("") + "' needs an 'id'");
      }
      return "n" + (++generated) + "_auto";
    }
    String id = value.asString("");
    if (!Keys.isValid(id) || id.startsWith("tg_")) {
      problem(path + ".id", "pattern", "Node id '" + id + "' must be a key (letter, then letters, digits or _) not starting with tg_");
    } else if (!ids.add(id)) {
      problem(path + ".id", "duplicate", "Two nodes have the id '" + id + "'");
    }
    return id;
  }

  private String text(JsonNode json, String name, String path, String fallback) {
    JsonNode value = json.get(name);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isString()) {
      problem(path.isEmpty() ? name : path + "." + name, "type", "'" + name + "' must be a string");
      return fallback;
    }
    return value.asString();
  }

  private void refuseUnknown(JsonNode json, String path, Set<String> allowed, String what) {
    for (String name : json.propertyNames()) {
      if (!allowed.contains(name)) {
        problem(path.isEmpty() ? name : path + "." + name, "unknownField", what + " has no attribute '" + name + "'");
      }
    }
  }

  private void problem(String field, String code, String message) {
    problems.add(new FieldError(field, code, message));
  }
}
