package dev.tangram.engine.templates;

import dev.tangram.engine.access.AccessSettings;
import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.engine.apps.AppService;
import dev.tangram.engine.common.ConflictException;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.common.NotFoundException;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.flows.FlowDefinitions;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.records.RecordService;
import dev.tangram.engine.templates.internal.Installations;
import dev.tangram.engine.templates.internal.Installer;
import dev.tangram.engine.templates.internal.PackageChecker;
import dev.tangram.engine.templates.internal.ParameterValues;
import dev.tangram.engine.templates.internal.TemplateFlows;
import dev.tangram.engine.templates.internal.TemplateGrants;
import dev.tangram.engine.templates.internal.Upgrader;
import dev.tangram.engine.views.ViewStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Installs, upgrades and uninstalls templates (DESIGN §6). An app installed from template
 * {@code k} has key {@code k}. One operation per app at a time on this node; the journal lets
 * {@link #recoverInterrupted} finish or roll back what a stopped engine left half-done.
 */
public final class TemplateService {

  private static final Logger LOG = LoggerFactory.getLogger(TemplateService.class);
  public static final Set<String> LOCALES = Set.of("en", "zh-CN");

  private final TemplateCatalog catalog;
  private final AppService apps;
  private final FormService forms;
  private final RecordService records;
  private final Installations journal;
  private final ViewStore views;
  private final Installer installer;
  private final Upgrader upgrader;
  private final TemplateFlows flows;
  private final TemplateGrants grants;
  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  /** Templates on an engine without flows: flows are checked and kept in the journal, not deployed. */
  public TemplateService(TemplateCatalog catalog, AppService apps, FormService forms, RecordService records,
      com.mongodb.client.MongoDatabase database, java.time.Clock clock) {
    this(catalog, apps, forms, records, database, clock, null, null, null);
  }

  /** Templates whose grants are kept in the journal only (no access settings). */
  public TemplateService(TemplateCatalog catalog, AppService apps, FormService forms, RecordService records,
      com.mongodb.client.MongoDatabase database, java.time.Clock clock, @Nullable FlowDefinitions flows, @Nullable OrgDirectory directory) {
    this(catalog, apps, forms, records, database, clock, flows, directory, null);
  }

  /**
   * @param flows     the flows feature: template flows are deployed through it (null: kept in the journal only)
   * @param directory where the roles a template declares are created
   * @param access    where the grants a template ships are set (null: kept in the journal only)
   */
  public TemplateService(TemplateCatalog catalog, AppService apps, FormService forms, RecordService records,
      com.mongodb.client.MongoDatabase database, java.time.Clock clock, @Nullable FlowDefinitions flows, @Nullable OrgDirectory directory,
      @Nullable AccessSettings access) {
    this.catalog = catalog;
    this.apps = apps;
    this.forms = forms;
    this.records = records;
    this.journal = new Installations(database, clock);
    this.views = new ViewStore(database);
    this.flows = new TemplateFlows(flows, directory);
    this.grants = new TemplateGrants(access, directory);
    this.installer = new Installer(apps, forms, records, journal, views, this.flows, grants);
    this.upgrader = new Upgrader(forms, records, journal, views, installer, this.flows, grants);
  }

  public TemplateCatalog catalog() {
    return catalog;
  }

  /** The marketplace: every template with what it needs, creates, and its installed version. */
  public List<CatalogEntry> list() {
    List<CatalogEntry> entries = new ArrayList<>();
    for (TemplateCatalog.Found found : catalog.all()) {
      String installed = journal.find(found.key()).filter(d -> !Installations.KEPT.equals(d.getString("state")))
          .map(d -> d.getString("version")).orElse(null);
      entries.add(found.pkg().map(p -> entry(p, installed))
          .orElseGet(() -> new CatalogEntry(found.key(), "", Map.of(), Map.of(), "", List.of(), List.of(), List.of(), List.of(),
              Map.of(), found.files().origin(), installed, found.problems())));
    }
    return entries;
  }

  /**
   * Installs {@code key} (the highest version on offer, or {@code version}), after the templates it
   * requires. Installing what is installed changes nothing; a dry run only says what would be done.
   */
  public InstallResult install(String key, @Nullable String version, @Nullable JsonNode params, @Nullable String locale,
      boolean dryRun, String actor, InstallObserver observer) {
    long start = System.nanoTime();
    String language = locale(locale);
    TemplatePackage pkg = get(key, version);
    List<TemplatePackage> order = dependencyOrder(pkg);
    Map<String, JsonNode> values = ParameterValues.resolve(pkg, params, Map.of());
    Optional<Document> current = installed(key);
    if (current.isPresent()) {
      SemVer have = SemVer.parse(current.get().getString("version")).orElseThrow();
      if (!have.equals(pkg.version())) {
        throw new ConflictException("version", have.isNewerThan(pkg.version()) ? "notNewer" : "upgradeNeeded",
            "App '" + key + "' has version " + have + " of the template installed; " + (have.isNewerThan(pkg.version())
                ? "version " + pkg.version() + " is not newer" : "upgrade it to " + pkg.version() + " instead"));
      }
      return result(pkg, key, "unchanged", List.of(), values, start);
    }
    List<String> first = new ArrayList<>();
    for (TemplatePackage dependency : order.subList(0, order.size() - 1)) {
      if (installed(dependency.key()).isEmpty()) {
        first.add(dependency.key());
      }
    }
    if (dryRun) {
      installer.plan(pkg, values, language);
      return result(pkg, key, "planned", first, values, start);
    }
    for (TemplatePackage dependency : order.subList(0, order.size() - 1)) {
      if (installed(dependency.key()).isEmpty()) {
        installOne(dependency, ParameterValues.resolve(dependency, null, Map.of()), language, actor, observer);
      }
    }
    installOne(pkg, values, language, actor, observer);
    return result(pkg, key, "installed", first, values, start);
  }

  /** Upgrades app {@code key} to the highest version on offer (or {@code version}); see {@link UpgradeResult}. */
  public UpgradeResult upgrade(String key, @Nullable String version, @Nullable JsonNode params, Map<String, String> resolutions,
      boolean dryRun, String actor, InstallObserver observer) {
    Document current = installed(key).orElseThrow(() -> new NotFoundException("app", "Template '" + key + "' is not installed"));
    TemplatePackage target = get(key, version);
    dependencyOrder(target).stream().filter(p -> !p.key().equals(key) && installed(p.key()).isEmpty()).findFirst().ifPresent(p -> {
      throw new ConflictException("requires", "missingTemplate", "Version " + target.version() + " requires template '" + p.key() + "'; install it first");
    });
    return locked(key, () -> upgrader.upgrade(current, target, params, resolutions, dryRun, actor, observer));
  }

  /** New parameter values for an installed app: the same version re-rendered and merged like an upgrade. */
  public UpgradeResult changeParameters(String key, JsonNode params, Map<String, String> resolutions, boolean dryRun, String actor) {
    Document current = installed(key).orElseThrow(() -> new NotFoundException("app", "Template '" + key + "' is not installed"));
    return upgrade(key, current.getString("version"), params, resolutions, dryRun, actor, InstallObserver.NONE);
  }

  /**
   * Uninstalls app {@code app}: refused while another installed app requires it, and while any of
   * its records is in approval (those approvals would be left with no app; withdraw or finish them
   * first). Without {@code purge} the forms, records and deployed flows stay (hidden with the app,
   * found again by the next install, whose flow steps then deploy nothing); with it they are
   * deleted, the flows' history and the forms' grants with them. Roles the install created stay: they belong to the
   * directory, and users may hold them.
   */
  public UninstallResult uninstall(String app, boolean purge, boolean dryRun, String actor) {
    Document current = installed(app).orElseThrow(() -> new NotFoundException("app", "App '" + app + "' was not installed from a template"));
    List<String> dependents = journal.inState(Installations.INSTALLED, Installations.INSTALLING, Installations.UPGRADING).stream()
        .filter(d -> !d.getString("_id").equals(app) && d.getList("requires", String.class, List.of()).contains(current.getString("template")))
        .map(d -> d.getString("_id")).toList();
    if (!dependents.isEmpty()) {
      throw new ConflictException("app", "required", "App '" + app + "' is required by " + String.join(", ", dependents) + "; uninstall those first");
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    forms.formKeys(app).stream().sorted().forEach(f -> counts.put(f, records.countAll(app, f)));
    Map<String, Long> inApproval = new LinkedHashMap<>();
    forms.formKeys(app).stream().sorted().forEach(f -> {
      long n = records.countInStatus(app, f, RecordService.IN_APPROVAL);
      if (n > 0) {
        inApproval.put(f, n);
      }
    });
    if (!inApproval.isEmpty()) {
      throw new ConflictException("app", "inApproval", "App '" + app + "' has records in approval (" + inApproval.entrySet().stream()
          .map(e -> e.getKey() + ": " + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("") + "); withdraw or finish them first");
    }
    if (dryRun) {
      return new UninstallResult(app, current.getString("template"), "planned", purge, counts);
    }
    return locked(app, () -> {
      views.removeAll(app);
      if (purge) {
        flows.remove(app, forms.formKeys(app));
        records.purgeApp(app);
        forms.removeAll(app);
        grants.removeAll(app);
        journal.remove(app);
      } else {
        journal.set(app, "state", Installations.KEPT);
      }
      apps.find(app).ifPresent(a -> apps.remove(app));
      LOG.info("Uninstalled app '{}' ({})", app, purge ? "data purged" : "data kept");
      return new UninstallResult(app, current.getString("template"), "uninstalled", purge, counts);
    });
  }

  /** Whether {@code app} was installed from a template (and is not uninstalled). */
  public boolean isInstalled(String app) {
    return installed(app).isPresent();
  }

  public Optional<InstallProgress> progress(String app) {
    return journal.find(app).filter(d -> !Installations.KEPT.equals(d.getString("state"))).map(Installations::progress);
  }

  /** The installed template's parameters, as an admin may edit them. */
  public Map<String, Object> parameters(String app) {
    Document current = installed(app).orElseThrow(() -> new NotFoundException("app", "App '" + app + "' was not installed from a template"));
    return new LinkedHashMap<>(current.get("params", new Document()));
  }

  /** The list views and dashboards of an app. */
  public Map<String, JsonNode> views(String app) {
    apps.get(app);
    return views.of(app);
  }

  /**
   * The flows of an installed app: as deployed now (the customer may have changed them), or as
   * the install planned them on an engine without flows.
   */
  public Map<String, JsonNode> flows(String app) {
    Map<String, JsonNode> planned = installed(app).map(d -> Installations.fromTexts(d.get("flows", Document.class))).orElse(Map.of());
    return flows.deploys() ? flows.deployed(app, planned.keySet()) : planned;
  }

  /**
   * Called once at start: installs a stopped engine left half-way are finished, or rolled back
   * if they cannot be; half-done upgrades are finished.
   */
  public void recoverInterrupted() {
    for (Document d : journal.inState(Installations.INSTALLING, Installations.UPGRADING)) {
      String app = d.getString("_id");
      try {
        if (Installations.INSTALLING.equals(d.getString("state"))) {
          installer.resume(app, InstallObserver.NONE);
        } else {
          upgrader.run(app, "system:template-recovery", InstallObserver.NONE);
        }
      } catch (RuntimeException e) {
        LOG.error("Could not finish the interrupted operation on app '{}'", app, e);
        journal.fail(app, e.getMessage() == null ? e.toString() : e.getMessage());
      }
    }
  }

  private void installOne(TemplatePackage pkg, Map<String, JsonNode> values, String locale, String actor, InstallObserver observer) {
    locked(pkg.key(), () -> {
      if (apps.find(pkg.key()).isPresent() && installed(pkg.key()).isEmpty()) {
        throw new ConflictException("key", "appExists", "An app '" + pkg.key() + "' exists that was not installed from a template");
      }
      journal.begin(pkg.key(), installer.plan(pkg, values, locale));
      installer.run(pkg.key(), actor, observer);
      return null;
    });
  }

  private Optional<Document> installed(String app) {
    return journal.find(app).filter(d -> !Installations.KEPT.equals(d.getString("state")));
  }

  private TemplatePackage get(String key, @Nullable String version) {
    TemplateCatalog.Found found = (version == null ? catalog.find(key) : catalog.find(key, version))
        .orElseThrow(() -> new NotFoundException("template", "The marketplace has no template '" + key + "'" + (version == null ? "" : " in version " + version)));
    return found.pkg().orElseThrow(() -> new ValidationException(found.problems()));
  }

  /** The package and every template it requires, required ones first; a missing one or a cycle is refused. */
  private List<TemplatePackage> dependencyOrder(TemplatePackage root) {
    Map<String, TemplatePackage> order = new LinkedHashMap<>();
    List<FieldError> problems = new ArrayList<>();
    visit(root, order, new LinkedHashSet<>(), problems);
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return new ArrayList<>(order.values());
  }

  private void visit(TemplatePackage pkg, Map<String, TemplatePackage> order, Set<String> path, List<FieldError> problems) {
    if (order.containsKey(pkg.key())) {
      return;
    }
    if (!path.add(pkg.key())) {
      problems.add(new FieldError("template.json#requires.templates", "cycle", "Templates require each other in a cycle: " + String.join(" -> ", path) + " -> " + pkg.key()));
      return;
    }
    for (String required : pkg.requiredTemplates()) {
      Optional<TemplateCatalog.Found> found = catalog.find(required);
      if (found.isEmpty() || found.get().pkg().isEmpty()) {
        if (installed(required).isEmpty()) {
          problems.add(new FieldError("template.json#requires.templates", "missingTemplate",
              "Template '" + pkg.key() + "' requires template '" + required + "', which the marketplace " + (found.isEmpty() ? "does not have" : "holds only in an invalid version")));
        }
        continue;
      }
      visit(found.get().pkg().get(), order, path, problems);
    }
    path.remove(pkg.key());
    order.put(pkg.key(), pkg);
  }

  private InstallResult result(TemplatePackage pkg, String app, String status, List<String> first, Map<String, JsonNode> values, long start) {
    Map<String, Object> params = new LinkedHashMap<>();
    values.forEach((k, v) -> params.put(k, Json.MAPPER.convertValue(v, Object.class)));
    return new InstallResult(pkg.key(), pkg.version().toString(), app, status, first, creates(pkg), params, flows.deploys(),
        (System.nanoTime() - start) / 1_000_000);
  }

  private static Map<String, Integer> creates(TemplatePackage pkg) {
    Map<String, Integer> c = new LinkedHashMap<>();
    c.put("forms", pkg.forms().size());
    c.put("flows", pkg.flows().size());
    c.put("rules", pkg.rules().size());
    c.put("views", pkg.views().size());
    c.put("records", pkg.data().stream().mapToInt(d -> d.records().size()).sum());
    c.put("roles", pkg.roles().size());
    return c;
  }

  private static CatalogEntry entry(TemplatePackage p, @Nullable String installed) {
    List<CatalogEntry.Parameter> parameters = p.parameters().stream().map(x -> new CatalogEntry.Parameter(x.key(), x.type(), x.label(),
        x.defaultValue() == null ? null : Json.MAPPER.convertValue(x.defaultValue(), Object.class), x.required(), x.options())).toList();
    return new CatalogEntry(p.key(), p.version().toString(), p.name(), p.description(), p.category(), p.requiredPlugins(),
        p.requiredTemplates(), parameters, List.copyOf(p.forms().keySet()), creates(p), p.origin(), installed, List.of());
  }

  private static String locale(@Nullable String locale) {
    if (locale == null || locale.isBlank()) {
      return "zh-CN";
    }
    if (!LOCALES.contains(locale)) {
      throw ValidationException.of("locale", "unknown", "Locale '" + locale + "' is not offered; use en or zh-CN");
    }
    return locale;
  }

  private <T> T locked(String app, java.util.function.Supplier<T> work) {
    ReentrantLock lock = locks.computeIfAbsent(app, k -> new ReentrantLock());
    if (!lock.tryLock()) {
      throw new ConflictException("app", "busy", "App '" + app + "' is being installed, upgraded or uninstalled right now; try again when it is done");
    }
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }
}
