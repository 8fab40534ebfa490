package dev.tangram.engine.templates.internal;

import dev.tangram.engine.apps.AppService;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.forms.FormDefinitionWriter;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.forms.FormSummary;
import dev.tangram.engine.records.AppRecords;
import dev.tangram.engine.records.RecordService;
import dev.tangram.engine.templates.InstallObserver;
import dev.tangram.engine.templates.TemplatePackage;
import dev.tangram.engine.templates.TemplatePackage.DataSet;
import dev.tangram.engine.templates.TemplatePackage.RoleSpec;
import dev.tangram.engine.views.ViewStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Installs one checked package as app {@code <template key>}, step by step through the journal:
 * app, roles its flows name, forms (created empty first, since relations may point either way,
 * then saved and published), the grants it ships per form, views, seed data, flows (deployed through the flows feature). The
 * plan checks every flow as the flows feature will deploy it, so a flow that would be refused
 * stops the install before anything is created. Every step is idempotent, so an install stopped
 * half-way is finished by running the remaining steps again ({@link #resume}); if that fails, it is
 * rolled back.
 */
public final class Installer {

  private static final Logger LOG = LoggerFactory.getLogger(Installer.class);

  private final AppService apps;
  private final FormService forms;
  private final RecordService records;
  private final Installations journal;
  private final ViewStore views;
  private final TemplateFlows flows;
  private final TemplateGrants grants;

  public Installer(AppService apps, FormService forms, RecordService records, Installations journal, ViewStore views, TemplateFlows flows,
      TemplateGrants grants) {
    this.apps = apps;
    this.forms = forms;
    this.records = records;
    this.journal = journal;
    this.views = views;
    this.flows = flows;
    this.grants = grants;
  }

  /** The journal document that plans installing {@code pkg}: every step and everything it writes. */
  public Document plan(TemplatePackage pkg, Map<String, JsonNode> params, String locale) {
    PackageRenderer renderer = new PackageRenderer(pkg, params, locale);
    Map<String, JsonNode> formDefinitions = renderer.forms(true);
    Map<String, JsonNode> normalized = new LinkedHashMap<>();
    Map<String, FormDefinition> checked = new LinkedHashMap<>();
    formDefinitions.forEach((k, f) -> {
      checked.put(k, forms.check(f, k, formDefinitions.keySet(), true));
      normalized.put(k, FormDefinitionWriter.write(checked.get(k)));
    });
    PackageProblems problems = new PackageProblems();
    flows.check(pkg.key(), renderer.flows(), checked, PackageChecker.roleKeys(pkg), problems);
    grants.check(pkg, problems);
    problems.throwIfAny();
    Map<String, JsonNode> data = new LinkedHashMap<>();
    pkg.data().forEach(set -> data.put(set.file(), dataJson(set)));
    List<String> steps = new ArrayList<>();
    steps.add("app");
    if (!pkg.roles().isEmpty()) {
      steps.add("roles");
    }
    normalized.keySet().forEach(k -> steps.add("form:" + k + ":create"));
    normalized.keySet().forEach(k -> steps.add("form:" + k + ":save"));
    normalized.keySet().forEach(k -> steps.add("form:" + k + ":publish"));
    pkg.permissions().keySet().forEach(k -> steps.add("grants:" + k));
    renderer.views().keySet().forEach(k -> steps.add("view:" + k));
    data.keySet().forEach(f -> steps.add("data:" + f));
    // flows last: seed data is reference data entered as if before approvals were switched on, not submissions
    renderer.flows().keySet().forEach(k -> steps.add("flow:" + k));
    Document paramDoc = new Document();
    params.forEach((k, v) -> paramDoc.append(k, Document.parse("{\"v\":" + v + "}").get("v")));
    Document shipped = new Document("forms", Installations.texts(normalized))
        .append("flows", Installations.texts(renderer.flows())).append("views", Installations.texts(renderer.views()))
        .append("permissions", Installations.texts(TemplateGrants.shipped(pkg)));
    return new Document("template", pkg.key()).append("version", pkg.version().toString()).append("origin", pkg.origin())
        .append("name", pkg.name(locale)).append("description", pkg.description().getOrDefault(locale, pkg.description().get("en")))
        .append("locale", locale).append("params", paramDoc).append("requires", pkg.requiredTemplates())
        .append("roles", roleDocs(pkg))
        .append("state", Installations.INSTALLING).append("steps", steps).append("done", 0)
        .append("shipped", shipped).append("flows", Installations.texts(renderer.flows()))
        .append("data", Installations.texts(data)).append("seeded", new ArrayList<>(data.keySet()))
        .append("seedIds", new Document()).append("keptData", apps.find(pkg.key()).isEmpty() && forms.formKeys(pkg.key()).size() > 0);
  }

  /** Runs every step not yet done; on a failing step the install is rolled back and the failure rethrown. */
  public void run(String app, String actor, InstallObserver observer) {
    Document plan = journal.find(app).orElseThrow();
    List<String> steps = plan.getList("steps", String.class);
    Set<String> done = Set.copyOf(plan.getList("doneSteps", String.class, List.of()));
    int count = done.size();
    for (String step : steps) {
      if (done.contains(step)) {
        continue;
      }
      try {
        perform(app, step, plan, actor);
      } catch (RuntimeException e) {
        rollback(app, plan);
        throw e;
      }
      journal.stepDone(app, step, ++count);
      observer.stepDone(app, step, count, steps.size());
    }
    journal.finish(app, plan);
  }

  /** Finishes an install a stopped engine left half-way; rolls it back if it cannot be finished. */
  public void resume(String app, InstallObserver observer) {
    LOG.info("Resuming the interrupted install of app '{}'", app);
    run(app, "system:template-recovery", observer);
  }

  private void perform(String app, String step, Document plan, String actor) {
    String[] parts = step.split(":", 3);
    Map<String, JsonNode> shippedForms = Installations.fromTexts(plan.get("shipped", Document.class).get("forms", Document.class));
    switch (parts[0]) {
      case "app" -> {
        if (apps.find(app).isEmpty()) {
          apps.create(app, plan.getString("name"), plan.getString("description"), actor);
        }
      }
      case "form" -> form(app, parts[1], parts[2], shippedForms.get(parts[1]), actor);
      case "roles" -> flows.ensureRoles(roles(plan), plan.getString("locale"));
      case "grants" -> grants.apply(app, parts[1], Installations.fromTexts(plan.get("shipped", Document.class).get("permissions", Document.class)).get(parts[1]));
      case "flow" -> flows.deploy(app, parts[1], Installations.fromTexts(plan.get("flows", Document.class)).get(parts[1]), actor);
      case "view" -> views.put(app, parts[1], Installations.fromTexts(plan.get("shipped", Document.class).get("views", Document.class)).get(parts[1]));
      case "data" -> seedStep(app, step.substring("data:".length()), plan);
      default -> throw new IllegalStateException("Unknown install step " + step);
    }
  }

  private void form(String app, String key, String action, JsonNode definition, String actor) {
    switch (action) {
      case "create" -> {
        if (!forms.formKeys(app).contains(key)) {
          forms.create(app, Json.MAPPER.createObjectNode().put("key", key).put("name", definition.path("name").asString(key)), actor);
        }
      }
      case "save" -> forms.saveDraft(app, key, definition, actor);
      case "publish" -> {
        FormSummary summary = forms.list(app).stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
        if (summary.publishedVersion() == 0 || summary.draftChanged()) {
          forms.publish(app, key, actor);
        }
      }
      default -> throw new IllegalStateException("Unknown form step " + action);
    }
  }

  static List<Document> roleDocs(TemplatePackage pkg) {
    List<Document> docs = new ArrayList<>();
    pkg.roles().forEach(r -> docs.add(new Document("key", r.key()).append("name", new Document(new LinkedHashMap<>(r.name())))));
    return docs;
  }

  static List<RoleSpec> roles(Document plan) {
    List<RoleSpec> roles = new ArrayList<>();
    for (Document d : plan.getList("roles", Document.class, List.of())) {
      Map<String, String> name = new LinkedHashMap<>();
      d.get("name", new Document()).forEach((k, v) -> name.put(k, (String) v));
      roles.add(new RoleSpec(d.getString("key"), name));
    }
    return roles;
  }

  /** Loads one seed data file; records are created once each (keyed by file and position). */
  void seedStep(String app, String file, Document plan) {
    JsonNode set = Installations.fromTexts(plan.get("data", Document.class)).get(file);
    Document ids = new Document(journal.find(app).orElseThrow().get("seedIds", Document.class));
    AppRecords writer = records.forApp(app, "template:" + plan.getString("template"));
    String form = set.get("form").asString();
    JsonNode list = set.get("records");
    for (int i = 0; i < list.size(); i++) {
      ObjectNode data = ((ObjectNode) list.get(i)).deepCopy();
      String localId = data.has("@id") ? data.remove("@id").asString() : null;
      resolve(data, ids);
      String id = writer.create(form, data, "seed:" + file + ":" + i).id();
      if (localId != null) {
        ids.append(localId, id);
      }
    }
    journal.set(app, "seedIds", ids);
  }

  private static void resolve(ObjectNode data, Document ids) {
    for (String name : Set.copyOf(data.propertyNames())) {
      JsonNode value = data.get(name);
      if (value.isString() && value.asString().startsWith("@") && ids.containsKey(value.asString().substring(1))) {
        data.put(name, ids.getString(value.asString().substring(1)));
      } else if (value.isArray()) {
        for (JsonNode row : value) {
          if (row.isObject()) {
            resolve((ObjectNode) row, ids);
          }
        }
      }
    }
  }

  /** Undoes a failed install: everything it created goes, data kept from an earlier uninstall stays. */
  public void rollback(String app, Document plan) {
    LOG.warn("Rolling back the install of app '{}'", app);
    views.removeAll(app);
    if (plan.getBoolean("keptData", false)) {
      apps.find(app).ifPresent(a -> apps.remove(app));
      journal.set(app, "state", Installations.KEPT);
      return;
    }
    try {
      flows.remove(app, forms.formKeys(app));
    } catch (RuntimeException e) {
      LOG.warn("Could not remove the flows deployed by the failed install of app '{}'", app, e);
    }
    records.purgeApp(app);
    forms.removeAll(app);
    grants.removeAll(app);
    apps.find(app).ifPresent(a -> apps.remove(app));
    journal.remove(app);
  }

  private static JsonNode dataJson(DataSet set) {
    ObjectNode node = Json.MAPPER.createObjectNode().put("form", set.form());
    ArrayNode list = node.putArray("records");
    set.records().forEach(list::add);
    return node;
  }
}
