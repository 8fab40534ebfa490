package dev.tangram.engine.templates.internal;

import dev.tangram.engine.access.Actor;
import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.engine.access.Role;
import dev.tangram.engine.common.ConflictException;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.flows.DeployedFlow;
import dev.tangram.engine.flows.FlowDefinitions;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.templates.TemplatePackage.RoleSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * What a template does with the flows feature: checks its flows as the flows feature would
 * deploy them (before anything is installed), creates the roles they name, deploys each flow once
 * (a redeploy of the same source is skipped, so a resumed install deploys nothing twice), reads
 * back what is deployed now (the customer may have changed it), and removes flows on purge.
 * Without a flows feature (an engine with no process engine) flows are only kept in the journal.
 */
public final class TemplateFlows {

  private final @Nullable FlowDefinitions definitions;
  private final @Nullable OrgDirectory directory;

  public TemplateFlows(@Nullable FlowDefinitions definitions, @Nullable OrgDirectory directory) {
    this.definitions = definitions;
    this.directory = directory;
  }

  public boolean deploys() {
    return definitions != null;
  }

  /** Every problem the flows feature finds in {@code flows}, as {@code flows/<form>.json#path}. */
  public void check(String app, Map<String, JsonNode> flows, Map<String, FormDefinition> forms, Set<String> roles, PackageProblems problems) {
    if (definitions == null) {
      return;
    }
    flows.forEach((form, flow) -> {
      FormDefinition definition = forms.get(form);
      if (definition != null) {
        problems.addAll("flows/" + form + ".json", definitions.check(app, definition, flow.toString(), roles));
      }
    });
  }

  /** Creates the roles the directory lacks; returns the keys created. */
  public List<String> ensureRoles(List<RoleSpec> roles, String locale) {
    if (directory == null) {
      return List.of();
    }
    Set<String> existing = directory.roles().stream().map(Role::key).collect(Collectors.toSet());
    List<String> created = new java.util.ArrayList<>();
    for (RoleSpec role : roles) {
      if (existing.contains(role.key())) {
        continue;
      }
      try {
        directory.saveRole(new Role(role.key(), role.name(locale), null), true);
        created.add(role.key());
      } catch (ConflictException raced) {
        // created meanwhile by someone else: it exists, which is all the flows need
      }
    }
    return created;
  }

  /** Deploys {@code flow} unless the newest deployed version is that flow already. */
  public boolean deploy(String app, String form, JsonNode flow, String actor) {
    if (definitions == null) {
      return false;
    }
    if (deployed(app, form).map(d -> ThreeWayMerge.same(d, flow)).orElse(false)) {
      return false;
    }
    definitions.deploy(app, form, flow.isString() ? flow.asString() : flow.toString(), Actor.system(actor));
    return true;
  }

  /**
   * The flow deployed now, as JSON; a flow the customer replaced by BPMN XML is a text node (it
   * cannot be merged attribute by attribute, only kept or replaced).
   */
  public Optional<JsonNode> deployed(String app, String form) {
    if (definitions == null) {
      return Optional.empty();
    }
    return definitions.find(app, form).map(TemplateFlows::source);
  }

  /** The deployed flows of the given forms (those without one are left out). */
  public Map<String, JsonNode> deployed(String app, Set<String> forms) {
    Map<String, JsonNode> result = new LinkedHashMap<>();
    forms.forEach(f -> deployed(app, f).ifPresent(d -> result.put(f, d)));
    return result;
  }

  /** Removes the flows of the forms, with their history (uninstall with purge). */
  public void remove(String app, Set<String> forms) {
    if (definitions != null) {
      forms.forEach(f -> definitions.remove(app, f));
    }
  }

  private static JsonNode source(DeployedFlow flow) {
    return flow.format().equals("json") ? Json.MAPPER.readTree(flow.source()) : JsonNodeFactory.instance.stringNode(flow.source());
  }
}
