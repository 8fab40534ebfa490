package dev.tangram.engine.flows.internal;

import dev.tangram.engine.access.AccessSettings;
import dev.tangram.engine.access.DirectoryUser;
import dev.tangram.engine.access.OrgDirectory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/** Turns an assignee rule into usernames: enabled directory users only, in a stable order, no duplicates. */
public final class ApproverResolver {

  /** What a rule may look at; the record's data is read only by the rules that need it. */
  public record Context(String app, String node, String initiator, Supplier<JsonNode> data, Map<String, List<String>> choices,
      List<String> previousChoice) {}

  private final OrgDirectory directory;
  private final AccessSettings settings;

  public ApproverResolver(OrgDirectory directory, AccessSettings settings) {
    this.directory = directory;
    this.settings = settings;
  }

  public List<String> resolve(FlowNode.Assignee rule, Context context) {
    List<String> found = switch (rule.kind()) {
      case "user" -> rule.users();
      case "role" -> rule.role() == null ? List.of() : directory.usersWithRole(rule.role());
      case "deptHead" -> departmentHeads(rule, context);
      case "field" -> strings(context.data().get().get(rule.field() == null ? "" : rule.field()));
      case "initiatorChoice" -> context.choices().getOrDefault(context.node(), List.of());
      case "previousChoice" -> context.previousChoice();
      case "initiator" -> List.of(context.initiator());
      default -> List.of();
    };
    return enabled(found);
  }

  /** The app's admins as users (role and department holders expanded): where approvals go when nobody else is found. */
  public List<String> appAdmins(String app) {
    List<String> users = new ArrayList<>();
    for (String holder : settings.appRoles(app).admins()) {
      int colon = holder.indexOf(':');
      String id = holder.substring(colon + 1);
      switch (colon < 0 ? "" : holder.substring(0, colon)) {
        case "user" -> users.add(id);
        case "role" -> users.addAll(directory.usersWithRole(id));
        case "department" -> directory.users().stream().filter(u -> u.departments().contains(id)).map(DirectoryUser::username).forEach(users::add);
        default -> { }
      }
    }
    if (users.isEmpty()) {
      users.addAll(directory.usersWithRole("ADMIN"));
    }
    return enabled(users);
  }

  private List<String> departmentHeads(FlowNode.Assignee rule, Context context) {
    List<String> departments;
    if (rule.field() != null) {
      departments = strings(context.data().get().get(rule.field()));
    } else {
      departments = directory.findUser(context.initiator()).map(DirectoryUser::departments).orElse(List.of());
    }
    return departments.isEmpty() ? List.of() : directory.headsOf(departments.getFirst(), Math.max(1, rule.level()));
  }

  private static List<String> strings(JsonNode value) {
    List<String> result = new ArrayList<>();
    if (value == null || value.isNull()) {
      return result;
    }
    if (value.isArray()) {
      value.forEach(v -> {
        if (v.isString()) {
          result.add(v.asString());
        }
      });
    } else if (value.isString()) {
      result.add(value.asString());
    }
    return result;
  }

  private List<String> enabled(List<String> users) {
    Set<String> unique = new LinkedHashSet<>();
    for (String user : users) {
      if (directory.findUser(user).map(DirectoryUser::enabled).orElse(false)) {
        unique.add(user);
      }
    }
    return List.copyOf(unique);
  }
}
