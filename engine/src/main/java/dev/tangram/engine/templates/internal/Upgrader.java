package dev.tangram.engine.templates.internal;

import dev.tangram.engine.common.ConflictException;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.forms.FormDefinitionWriter;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.records.RecordService;
import dev.tangram.engine.templates.InstallObserver;
import dev.tangram.engine.templates.SemVer;
import dev.tangram.engine.templates.TemplatePackage;
import dev.tangram.engine.templates.TemplatePackage.Migration;
import dev.tangram.engine.templates.UpgradeResult;
import dev.tangram.engine.views.ViewStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Upgrades an installed app from version A to B (or re-renders it with new parameters): a
 * three-way merge of A as shipped, the installed state and B for every form, flow, view and the
 * grants of each form;
 * declared migrations for renamed or removed fields; conflicts listed, never decided silently.
 * The installed side of a flow is the flow deployed now (the customer may have replaced it); a
 * merged flow that differs from it is checked and deployed. The merged result is planned in the
 * journal first and then applied step by step, like an install.
 */
public final class Upgrader {

  private final FormService forms;
  private final RecordService records;
  private final Installations journal;
  private final ViewStore views;
  private final Installer installer;
  private final TemplateFlows flows;
  private final TemplateGrants grants;

  public Upgrader(FormService forms, RecordService records, Installations journal, ViewStore views, Installer installer, TemplateFlows flows,
      TemplateGrants grants) {
    this.forms = forms;
    this.records = records;
    this.journal = journal;
    this.views = views;
    this.installer = installer;
    this.flows = flows;
    this.grants = grants;
  }

  public UpgradeResult upgrade(Document installed, TemplatePackage target, @Nullable JsonNode givenParams,
      Map<String, String> resolutions, boolean dryRun, String actor, InstallObserver observer) {
    long start = System.nanoTime();
    String app = installed.getString("_id");
    SemVer from = SemVer.parse(installed.getString("version")).orElseThrow();
    Map<String, JsonNode> currentParams = Installations.fromTexts(paramsAsTexts(installed));
    Map<String, JsonNode> params = ParameterValues.resolve(target, givenParams, currentParams);
    if (from.isNewerThan(target.version()) || (from.equals(target.version()) && sameParams(params, currentParams))) {
      if (from.isNewerThan(target.version())) {
        throw new ConflictException("version", "notNewer", "Template '" + target.key() + "' " + target.version()
            + " is not newer than the installed " + from);
      }
      return new UpgradeResult(target.key(), from.toString(), target.version().toString(), "unchanged", List.of(), List.of(), List.of(), Map.of(), millis(start));
    }
    List<Migration> migrations = target.migrations().stream()
        .filter(m -> m.version().isNewerThan(from) && !m.version().isNewerThan(target.version())).toList();
    Document plan = installer.plan(target, params, installed.getString("locale"));
    Document shippedB = plan.get("shipped", Document.class);
    Document shippedA = installed.get("shipped", Document.class);
    ThreeWayMerge merge = new ThreeWayMerge(resolutions);
    Set<String> existing = forms.formKeys(app);

    Map<String, JsonNode> baseForms = renamed(Installations.fromTexts(shippedA.get("forms", Document.class)), migrations);
    Map<String, JsonNode> theirsForms = Installations.fromTexts(shippedB.get("forms", Document.class));
    Map<String, JsonNode> installedForms = new LinkedHashMap<>();
    for (String key : union(baseForms.keySet(), theirsForms.keySet())) {
      if (existing.contains(key)) {
        installedForms.put(key, FormDefinitionWriter.write(forms.getDraft(app, key)));
      }
    }
    Map<String, JsonNode> mineForms = renamed(installedForms, migrations);
    Map<String, JsonNode> mergedForms = mergeAll("forms/", baseForms, mineForms, theirsForms, merge, true);
    Map<String, JsonNode> baseFlows = Installations.fromTexts(shippedA.get("flows", Document.class));
    Map<String, JsonNode> theirsFlows = Installations.fromTexts(shippedB.get("flows", Document.class));
    // the customer may have changed a flow with PUT …/flow: what is deployed now is "mine"
    Map<String, JsonNode> deployedFlows = flows.deploys() ? flows.deployed(app, union(baseFlows.keySet(), theirsFlows.keySet()))
        : Installations.fromTexts(installed.get("flows", Document.class));
    Map<String, JsonNode> mergedFlows = mergeAll("flows/", baseFlows, deployedFlows, theirsFlows, merge, false);
    Map<String, JsonNode> mergedViews = mergeAll("views/", Installations.fromTexts(shippedA.get("views", Document.class)),
        views.of(app), Installations.fromTexts(shippedB.get("views", Document.class)), merge, false);
    Map<String, JsonNode> installedGrants = new LinkedHashMap<>();
    Map<String, JsonNode> mergedGrants = mergeGrants(app, Installations.fromTexts(shippedA.get("permissions", Document.class)),
        Installations.fromTexts(shippedB.get("permissions", Document.class)), theirsForms.keySet(), merge, installedGrants);

    Map<String, Long> affected = new LinkedHashMap<>();
    migrations.forEach(m -> affected.merge(m.form(), records.countAll(app, m.form()), (a, b) -> a));
    List<String> migrationText = migrations.stream().map(m -> m.version() + " " + m.form() + ": rename " + m.rename() + ", remove " + m.remove()).toList();
    String to = target.version().toString();
    if (merge.conflicts().isEmpty()) {
      checkMerged(app, mergedForms, existing, mergedFlows, PackageChecker.roleKeys(target));
    }
    if (!merge.conflicts().isEmpty() || dryRun) {
      return new UpgradeResult(target.key(), from.toString(), to, merge.conflicts().isEmpty() ? "planned" : "conflicts",
          merge.changes(), merge.conflicts(), migrationText, affected, millis(start));
    }

    List<String> steps = new ArrayList<>();
    mergedForms.forEach((k, f) -> {
      boolean changed = !ThreeWayMerge.same(mineForms.get(k), f) || migrations.stream().anyMatch(m -> m.form().equals(k));
      if (!existing.contains(k)) {
        steps.add("form:" + k + ":create");
      }
      if (changed) {
        steps.add("form:" + k + ":save");
        steps.add("form:" + k + ":publish");
      }
    });
    migrations.forEach(m -> steps.add("migrate:" + m.form() + ":" + m.version()));
    if (!target.roles().isEmpty()) {
      steps.add("roles");
    }
    mergedGrants.forEach((k, g) -> {
      if (!ThreeWayMerge.same(installedGrants.get(k), g)) {
        steps.add("grants:" + k);
      }
    });
    mergedViews.keySet().forEach(k -> steps.add("view:" + k));
    List<String> seeded = installed.getList("seeded", String.class, List.of());
    plan.get("data", Document.class).keySet().stream().filter(f -> !seeded.contains(f)).forEach(f -> steps.add("data:" + f));
    mergedFlows.forEach((k, f) -> {
      if (!ThreeWayMerge.same(deployedFlows.get(k), f)) {
        steps.add("flow:" + k);
      }
    });
    Document upgrade = new Document(plan).append("state", Installations.UPGRADING).append("steps", steps).append("done", 0)
        .append("flows", Installations.texts(mergedFlows)).append("seedIds", installed.get("seedIds", new Document()))
        .append("pending", new Document("forms", Installations.texts(mergedForms)).append("views", Installations.texts(mergedViews))
            .append("permissions", Installations.texts(mergedGrants))
            .append("migrations", migrationDocs(migrations)));
    journal.begin(app, upgrade);
    run(app, actor, observer);
    return new UpgradeResult(target.key(), from.toString(), to, "upgraded", merge.changes(), List.of(), migrationText, affected, millis(start));
  }

  /** Applies the planned steps not yet done (also after a restart). */
  public void run(String app, String actor, InstallObserver observer) {
    Document plan = journal.find(app).orElseThrow();
    Document pending = plan.get("pending", Document.class);
    Map<String, JsonNode> mergedForms = Installations.fromTexts(pending.get("forms", Document.class));
    Map<String, JsonNode> mergedViews = Installations.fromTexts(pending.get("views", Document.class));
    List<String> steps = plan.getList("steps", String.class);
    Set<String> done = new HashSet<>(plan.getList("doneSteps", String.class, List.of()));
    int count = done.size();
    for (String step : steps) {
      if (done.contains(step)) {
        continue;
      }
      String[] parts = step.split(":", 3);
      switch (parts[0]) {
        case "form" -> {
          switch (parts[2]) {
            case "create" -> {
              if (!forms.formKeys(app).contains(parts[1])) {
                forms.create(app, Json.MAPPER.createObjectNode().put("key", parts[1]).put("name", mergedForms.get(parts[1]).path("name").asString(parts[1])), actor);
              }
            }
            case "save" -> forms.saveDraft(app, parts[1], mergedForms.get(parts[1]), actor);
            default -> {
              if (forms.list(app).stream().anyMatch(f -> f.key().equals(parts[1]) && (f.draftChanged() || f.publishedVersion() == 0))) {
                forms.publish(app, parts[1], actor);
              }
            }
          }
        }
        case "migrate" -> {
          Document m = pending.getList("migrations", Document.class).stream()
              .filter(d -> d.getString("form").equals(parts[1]) && d.getString("version").equals(parts[2])).findFirst().orElseThrow();
          Map<String, String> rename = new LinkedHashMap<>();
          m.get("rename", Document.class).forEach((k, v) -> rename.put(k, (String) v));
          records.migrateFields(app, parts[1], rename, m.getList("remove", String.class),
              forms.getLatestPublished(app, parts[1]).version());
        }
        case "roles" -> flows.ensureRoles(Installer.roles(plan), plan.getString("locale"));
        case "grants" -> grants.apply(app, parts[1], Installations.fromTexts(pending.get("permissions", Document.class)).get(parts[1]));
        case "flow" -> flows.deploy(app, parts[1], Installations.fromTexts(plan.get("flows", Document.class)).get(parts[1]), actor);
        case "view" -> views.put(app, parts[1], mergedViews.get(parts[1]));
        case "data" -> installer.seedStep(app, step.substring("data:".length()), plan);
        default -> throw new IllegalStateException("Unknown upgrade step " + step);
      }
      journal.stepDone(app, step, ++count);
      observer.stepDone(app, step, count, steps.size());
    }
    Document finished = new Document(plan);
    List<String> seeded = new ArrayList<>(plan.get("data", Document.class).keySet());
    finished.append("seeded", seeded);
    journal.finish(app, finished);
  }

  private Map<String, JsonNode> mergeAll(String dir, Map<String, JsonNode> base, Map<String, JsonNode> mine,
      Map<String, JsonNode> theirs, ThreeWayMerge merge, boolean keepRemoved) {
    Map<String, JsonNode> result = new LinkedHashMap<>();
    for (String key : union(union(theirs.keySet(), mine.keySet()), base.keySet())) {
      JsonNode merged = merge.merge(dir + key + ".json", base.get(key), mine.get(key), theirs.get(key));
      if (merged == null && keepRemoved && mine.get(key) != null) {
        merged = mine.get(key); // a form the new version drops keeps its records: it stays, unmanaged
      }
      if (merged != null) {
        result.put(key, merged);
      }
    }
    return result;
  }

  /**
   * The grants of every form A or B ships grants for (and B still has), merged grant by grant:
   * a grant B adds is added, one A shipped and the admin removed stays removed, one both changed
   * differently is a conflict. A form with no grants set (the defaults apply) counts as installed
   * unchanged from A; a form A shipped no grants for has none in A.
   */
  private Map<String, JsonNode> mergeGrants(String app, Map<String, JsonNode> base, Map<String, JsonNode> theirs, Set<String> formsOfB,
      ThreeWayMerge merge, Map<String, JsonNode> installed) {
    Map<String, JsonNode> result = new LinkedHashMap<>();
    for (String form : union(base.keySet(), theirs.keySet())) {
      if (!formsOfB.contains(form)) {
        continue; // a form B drops stays, unmanaged, with the grants it has
      }
      JsonNode none = JsonNodeFactory.instance.objectNode();
      JsonNode a = base.getOrDefault(form, none);
      JsonNode mine = grants.installed(app, form).orElse(a);
      installed.put(form, mine);
      JsonNode merged = merge.merge("permissions/" + form, a, mine, theirs.getOrDefault(form, none));
      result.put(form, merged == null ? none : merged);
    }
    return result;
  }

  /**
   * The merged forms must still pass the form checks (a customer's rule may name a field B
   * removed), and the merged flows the flows feature's checks against the merged forms.
   */
  private void checkMerged(String app, Map<String, JsonNode> merged, Set<String> existing, Map<String, JsonNode> mergedFlows, Set<String> roles) {
    Set<String> keys = union(merged.keySet(), existing);
    PackageProblems problems = new PackageProblems();
    Map<String, FormDefinition> checked = new LinkedHashMap<>();
    merged.forEach((k, f) -> {
      try {
        checked.put(k, forms.check(f, k, keys, true));
      } catch (ValidationException e) {
        problems.addAll("forms/" + k + ".json", e.errors());
      }
    });
    Map<String, JsonNode> jsonFlows = new LinkedHashMap<>();
    mergedFlows.forEach((k, f) -> {
      if (f.isObject()) {
        jsonFlows.put(k, f);
      }
    });
    flows.check(app, jsonFlows, checked, roles, problems);
    problems.throwIfAny();
  }

  /** Applies the migrations' renames to field keys, so that changes made to a field follow it to its new name. */
  private static Map<String, JsonNode> renamed(Map<String, JsonNode> forms, List<Migration> migrations) {
    Map<String, JsonNode> result = new LinkedHashMap<>();
    forms.forEach((key, form) -> {
      JsonNode copy = form.deepCopy();
      for (Migration m : migrations) {
        if (m.form().equals(key)) {
          copy.path("fields").forEach(f -> {
            String renamedTo = m.rename().get(f.path("key").asString(""));
            if (renamedTo != null) {
              ((ObjectNode) f).put("key", renamedTo);
            }
          });
        }
      }
      result.put(key, copy);
    });
    return result;
  }

  private static List<Document> migrationDocs(List<Migration> migrations) {
    List<Document> docs = new ArrayList<>();
    migrations.forEach(m -> docs.add(new Document("form", m.form()).append("version", m.version().toString())
        .append("rename", new Document(new LinkedHashMap<>(m.rename()))).append("remove", m.remove())));
    return docs;
  }

  static Document paramsAsTexts(Document installed) {
    Document texts = new Document();
    Document params = installed.get("params", new Document());
    params.forEach((k, v) -> texts.append(k, Json.MAPPER.writeValueAsString(v)));
    return texts;
  }

  private static boolean sameParams(Map<String, JsonNode> a, Map<String, JsonNode> b) {
    return a.keySet().equals(b.keySet()) && a.keySet().stream().allMatch(k -> ThreeWayMerge.same(a.get(k), b.get(k)));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> u = new LinkedHashSet<>(a);
    u.addAll(b);
    return u;
  }

  private static long millis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
