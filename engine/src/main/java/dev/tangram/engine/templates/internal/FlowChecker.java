package dev.tangram.engine.templates.internal;

import dev.tangram.engine.rules.ScriptSandbox;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Checks a flow of DESIGN §5 against the form it belongs to, with what the package alone can tell:
 * node types, approver kinds and modes, field permissions and branch conditions that name real
 * fields, roles the package declares, action nodes calling a plugin the package requires. At
 * install the flows feature checks each flow once more, completely, before anything is created
 * (users of the directory, every attribute), and deploys it.
 */
final class FlowChecker {

  static final Set<String> NODE_TYPES = Set.of("approve", "cc", "branch", "parallel", "action");
  static final Set<String> ASSIGNEE_KINDS = Set.of("user", "role", "deptHead", "field", "initiatorChoice", "previousChoice", "initiator");
  static final Set<String> MODES = Set.of("any", "all", "ratio", "sequential");
  static final Set<String> PERMISSIONS = Set.of("edit", "read", "hidden");
  private static final Set<String> CONDITION_NAMES = Set.of("true", "false", "null", "undefined", "initiator", "status");
  private static final Pattern STRINGS = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w$])([A-Za-z_$][\\w$]*)(?!\\s*\\()");

  private final ScriptSandbox sandbox;
  private final PackageProblems problems;
  private final Set<String> roles;

  /** @param roles the roles the package declares: the only ones its flows may name */
  FlowChecker(ScriptSandbox sandbox, PackageProblems problems, Set<String> roles) {
    this.sandbox = sandbox;
    this.problems = problems;
    this.roles = roles;
  }

  void check(String file, JsonNode flow, Set<String> fields, Collection<String> plugins) {
    if (!flow.isObject() || !flow.path("nodes").isArray()) {
      problems.add(file, "", "shape", "A flow is {\"nodes\": [ … ]}");
      return;
    }
    nodes(file, flow.get("nodes"), "nodes", fields, plugins, new HashSet<>());
  }

  private void nodes(String file, JsonNode nodes, String path, Set<String> fields, Collection<String> plugins, Set<String> ids) {
    for (int i = 0; i < nodes.size(); i++) {
      JsonNode node = nodes.get(i);
      String at = path + "[" + i + "]";
      String type = node.path("type").asString("");
      if (!NODE_TYPES.contains(type)) {
        problems.add(file, at + ".type", "unknownType", "Node type '" + type + "'; use one of " + String.join(", ", NODE_TYPES.stream().sorted().toList()));
        continue;
      }
      String id = node.path("id").asString("");
      if (id.isEmpty()) {
        problems.add(file, at + ".id", "required", "Every node of a template flow needs an id, so that an upgrade can merge the flow node by node");
      } else if (!ids.add(id)) {
        problems.add(file, at + ".id", "duplicate", "Node id '" + id + "' is used twice");
      }
      switch (type) {
        case "approve" -> approve(file, node, at, fields);
        case "cc" -> assignee(file, node.path("to"), at + ".to");
        case "action" -> {
          String plugin = node.path("plugin").asString("");
          if (!plugins.contains(plugin)) {
            problems.add(file, at + ".plugin", "pluginNotRequired", "Action node calls plugin '" + plugin + "', which template.json does not require");
          }
        }
        case "parallel" -> {
          JsonNode branches = node.path("branches");
          for (int b = 0; b < branches.size(); b++) {
            nodes(file, branches.get(b).path("nodes"), at + ".branches[" + b + "].nodes", fields, plugins, ids);
          }
        }
        case "branch" -> {
          JsonNode branches = node.path("branches");
          for (int b = 0; b < branches.size(); b++) {
            JsonNode branch = branches.get(b);
            String bat = at + ".branches[" + b + "]";
            if (!branch.path("otherwise").asBoolean(false)) {
              condition(file, branch.path("when").asString(""), bat + ".when", fields);
            }
            nodes(file, branch.path("nodes"), bat + ".nodes", fields, plugins, ids);
          }
        }
        default -> { }
      }
    }
  }

  private void approve(String file, JsonNode node, String at, Set<String> fields) {
    assignee(file, node.path("assignee"), at + ".assignee");
    String mode = node.path("mode").asString("any");
    if (!MODES.contains(mode)) {
      problems.add(file, at + ".mode", "unknownMode", "Mode '" + mode + "'; use any, all, ratio or sequential");
    }
    node.path("fields").properties().forEach(e -> {
      if (!fields.contains(e.getKey())) {
        problems.add(file, at + ".fields." + e.getKey(), "unknownField", "The flow sets a permission on field '" + e.getKey() + "', which the form does not have");
      } else if (!PERMISSIONS.contains(e.getValue().asString(""))) {
        problems.add(file, at + ".fields." + e.getKey(), "unknownPermission", "Field permissions are edit, read or hidden");
      }
    });
  }

  private void assignee(String file, JsonNode assignee, String at) {
    String kind = assignee.path("kind").asString("");
    if (!ASSIGNEE_KINDS.contains(kind)) {
      problems.add(file, at + ".kind", "unknownKind", "Approver kind '" + kind + "'; use one of " + String.join(", ", ASSIGNEE_KINDS.stream().sorted().toList()));
    }
    if (kind.equals("role") && !roles.contains(assignee.path("role").asString(""))) {
      problems.add(file, at + ".role", "undeclaredRole", "The flow names role '" + assignee.path("role").asString("")
          + "', which template.json does not declare in 'roles' (install creates the declared roles)");
    }
  }

  private void condition(String file, String when, String at, Set<String> fields) {
    if (when.isBlank()) {
      problems.add(file, at, "required", "A branch needs a condition ('when') or \"otherwise\": true");
      return;
    }
    if (sandbox.checkExpression(when).map(p -> {
      problems.add(file, at, "syntax", "Condition '" + when + "', column " + p.column() + ": " + p.message());
      return p;
    }).isPresent()) {
      return;
    }
    Matcher m = IDENTIFIER.matcher(STRINGS.matcher(when).replaceAll("''"));
    while (m.find()) {
      String name = m.group(1);
      if (!fields.contains(name) && !CONDITION_NAMES.contains(name)) {
        problems.add(file, at, "unknownField", "Condition '" + when + "' refers to '" + name + "', which the form does not have");
      }
    }
  }
}
