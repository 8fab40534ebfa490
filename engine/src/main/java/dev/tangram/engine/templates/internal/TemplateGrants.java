package dev.tangram.engine.templates.internal;

import dev.tangram.engine.access.AccessSettings;
import dev.tangram.engine.access.FieldAccess;
import dev.tangram.engine.access.Grant;
import dev.tangram.engine.access.Operation;
import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.engine.access.Role;
import dev.tangram.engine.access.RowScope;
import dev.tangram.engine.templates.TemplatePackage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The form grants a template ships, as the install and upgrade handle them. In the journal and in
 * the three-way merge the grants of a form are one JSON object keyed by {@code <to>@<scope>} (e.g.
 * {@code role:finance@ALL} → {@code {"operations": [...], "fields": {...}}}), so that a grant the
 * admin removed, added or changed merges like a field of a form. Without access settings (an engine
 * used without the access feature) grants are kept in the journal only.
 */
public final class TemplateGrants {

  private final @Nullable AccessSettings settings;
  private final @Nullable OrgDirectory directory;

  public TemplateGrants(@Nullable AccessSettings settings, @Nullable OrgDirectory directory) {
    this.settings = settings;
    this.directory = directory;
  }

  /** Every grant naming a role that neither the directory has nor the package declares. */
  void check(TemplatePackage pkg, PackageProblems problems) {
    Set<String> known = PackageChecker.roleKeys(pkg);
    if (directory != null) {
      known.addAll(directory.roles().stream().map(Role::key).collect(Collectors.toSet()));
    }
    pkg.permissions().forEach((form, grants) -> {
      for (int i = 0; i < grants.size(); i++) {
        String to = grants.get(i).to();
        if (to.startsWith("role:") && !known.contains(to.substring("role:".length()))) {
          problems.add(PackageReader.MANIFEST, "permissions." + form + "[" + i + "].to", "unknownRole", "Grant to '" + to
              + "': the directory has no such role and template.json does not declare it in 'roles'");
        }
      }
    });
  }

  /** The package's grants per form, in their journal (mergeable) form. */
  static Map<String, JsonNode> shipped(TemplatePackage pkg) {
    Map<String, JsonNode> result = new LinkedHashMap<>();
    pkg.permissions().forEach((form, grants) -> result.put(form, mergeable(grants)));
    return result;
  }

  /** The grants set on the form now, or empty when none are (the defaults apply). */
  Optional<JsonNode> installed(String app, String form) {
    return settings == null ? Optional.empty() : settings.storedGrants(app, form).map(TemplateGrants::mergeable);
  }

  /** Sets the form's grants to {@code grants} (the journal form); setting the same twice changes nothing. */
  void apply(String app, String form, JsonNode grants) {
    if (settings != null) {
      settings.setGrants(app, form, fromMergeable(grants));
    }
  }

  /** Uninstall with purge, or a rolled-back install: the grants go with the forms. */
  public void removeAll(String app) {
    if (settings != null) {
      settings.removeGrants(app);
    }
  }

  static JsonNode mergeable(List<Grant> grants) {
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    for (Grant grant : grants) {
      ObjectNode value = result.putObject(grant.to() + "@" + grant.scope().name());
      grant.operations().stream().map(Enum::name).sorted().forEach(value.putArray("operations")::add);
      ObjectNode fields = value.putObject("fields");
      new TreeMap<>(grant.fields()).forEach((k, v) -> fields.put(k, v.name()));
    }
    return result;
  }

  static List<Grant> fromMergeable(JsonNode grants) {
    List<Grant> result = new ArrayList<>();
    grants.properties().forEach(e -> {
      int at = e.getKey().lastIndexOf('@');
      Set<Operation> operations = EnumSet.noneOf(Operation.class);
      e.getValue().path("operations").forEach(o -> operations.add(Operation.valueOf(o.asString())));
      Map<String, FieldAccess> fields = new LinkedHashMap<>();
      e.getValue().path("fields").properties().forEach(f -> fields.put(f.getKey(), FieldAccess.valueOf(f.getValue().asString())));
      result.add(new Grant(e.getKey().substring(0, at), operations, RowScope.valueOf(e.getKey().substring(at + 1)), fields));
    });
    return result;
  }
}
