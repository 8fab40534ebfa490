package dev.tangram.runtime.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.tangram.engine.access.Actor;
import dev.tangram.engine.apps.AppService;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.flows.Flows;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.records.AppRecords;
import dev.tangram.engine.records.RecordQuery;
import dev.tangram.engine.records.RecordService;
import dev.tangram.engine.records.internal.RecordCollections;
import dev.tangram.engine.templates.CatalogEntry;
import dev.tangram.engine.templates.InstallObserver;
import dev.tangram.engine.templates.TemplatePackage;
import dev.tangram.engine.templates.TemplateService;
import dev.tangram.engine.templates.UpgradeResult;
import dev.tangram.engine.templates.internal.PackageChecker;
import dev.tangram.engine.templates.internal.PackageRenderer;
import dev.tangram.runtime.TangramApplication;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Template install and upgrade times on the embedded defaults (MongoDB = mongo-java-server on an H2
 * file, Flowable on an H2 file), the whole application wired as {@code ./tangram start} wires it.
 *
 * <ul>
 *   <li>Install: each built-in template installed and purged {@code bench.rounds} times (median), against
 *       a baseline in the same run: the same rendered forms created, saved and published, the same
 *       flows deployed and the same seed records written straight through the engine services into
 *       another app — the work without the template machinery (checks, journal, steps).
 *   <li>Upgrade: inventory as shipped with {@code bench.records} (10,000) more items, bulk-filled
 *       through the driver in the stored shape ({@link BulkRecords}), upgraded to the next minor version,
 *       which renames {@code item.spec} (a data migration over every item), against a baseline of the
 *       same migration as one bare {@code updateMany} on a copy of the same collection.
 * </ul>
 *
 * {@code ./tangram mvn -B -q -Pbench -pl runtime -am test -Dtest=TemplateBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * the figures are printed and appended to {@code runtime/target/bench-results.txt}.
 */
@Tag("bench")
class TemplateBenchmark {

  static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
  static final int RECORDS = Integer.getInteger("bench.records", 10_000);
  /** {@code install}, {@code upgrade} or both (default). */
  static final String PART = System.getProperty("bench.part", "all");

  @TempDir
  Path dataDir;

  @Test
  void installAndUpgradeTimesOnTheEmbeddedDefaults() throws IOException {
    Path folder = Files.createDirectories(dataDir.resolve("templates"));
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TangramApplication.class).run(
        "--server.port=0", "--tangram.data-dir=" + dataDir, "--tangram.admin.password=bench-admin-pw", "--logging.level.root=WARN")) {
      TemplateService templates = app.getBean(TemplateService.class);
      report("TemplateBenchmark on the embedded defaults (H2 files under " + dataDir + "), " + ROUNDS + " rounds, median");
      if (!PART.equals("upgrade")) {
        for (CatalogEntry entry : templates.list()) {
          if (entry.origin().equals("builtin") && entry.problems().isEmpty()) {
            install(app, templates, entry.key());
          }
        }
      }
      if (!PART.equals("install")) {
        upgrade(app, templates, folder);
      }
    }
  }

  private void install(ConfigurableApplicationContext app, TemplateService templates, String key) {
    double[] installs = new double[ROUNDS];
    double[] bare = new double[ROUNDS];
    TemplatePackage pkg = templates.catalog().find(key).orElseThrow().pkg().orElseThrow();
    for (int round = 0; round < ROUNDS; round++) {
      long start = System.nanoTime();
      templates.install(key, null, null, "zh-CN", false, "admin", InstallObserver.NONE);
      installs[round] = (System.nanoTime() - start) / 1e6;
      templates.uninstall(key, true, false, "admin");

      String copy = "bare" + key + round;
      start = System.nanoTime();
      bareInstall(app, pkg, copy);
      bare[round] = (System.nanoTime() - start) / 1e6;
    }
    double t = median(installs);
    double b = median(bare);
    report(String.format("install %-10s %3d forms %2d flows: %8.0f ms; same forms/flows/seed through the services: %8.0f ms; ratio %.2f",
        key, pkg.forms().size(), pkg.flows().size(), t, b, t / b));
  }

  /** The same forms, flows and seed records created straight through the engine services. */
  private static void bareInstall(ConfigurableApplicationContext app, TemplatePackage pkg, String copy) {
    FormService forms = app.getBean(FormService.class);
    app.getBean(AppService.class).create(copy, copy, null, "admin");
    PackageRenderer renderer = new PackageRenderer(pkg, PackageChecker.defaults(pkg), "zh-CN");
    Map<String, JsonNode> definitions = renderer.forms(true);
    definitions.forEach((k, f) -> forms.create(copy,
        Json.MAPPER.createObjectNode().put("key", k).put("name", f.path("name").asString(k)), "admin"));
    definitions.forEach((k, f) -> forms.saveDraft(copy, k, f, "admin"));
    definitions.keySet().forEach(k -> forms.publish(copy, k, "admin"));
    Flows flows = app.getBean(Flows.class);
    renderer.flows().forEach((k, f) -> flows.definitions().deploy(copy, k, f.toString(), Actor.system("admin")));
    AppRecords records = app.getBean(RecordService.class).forApp(copy, "bench");
    Map<String, String> ids = new java.util.HashMap<>();
    pkg.data().forEach(set -> set.records().forEach(r -> {
      ObjectNode data = ((ObjectNode) r).deepCopy();
      JsonNode local = data.remove("@id");
      resolve(data, ids);
      String id = records.create(set.form(), data, null).id();
      if (local != null) {
        ids.put(local.asString(), id);
      }
    }));
  }

  /** "@name" values refer to seed records created before, as the installer resolves them. */
  private static void resolve(ObjectNode data, Map<String, String> ids) {
    for (String name : java.util.Set.copyOf(data.propertyNames())) {
      JsonNode value = data.get(name);
      if (value.isString() && value.asString().startsWith("@") && ids.containsKey(value.asString().substring(1))) {
        data.put(name, ids.get(value.asString().substring(1)));
      } else if (value.isArray()) {
        value.forEach(row -> {
          if (row.isObject()) {
            resolve((ObjectNode) row, ids);
          }
        });
      }
    }
  }

  /**
   * Inventory with {@code bench.records} items, upgraded to the next minor version, which renames
   * {@code item.spec} to {@code specification} (a data migration over every item).
   */
  private void upgrade(ConfigurableApplicationContext app, TemplateService templates, Path folder) throws IOException {
    templates.install("inventory", null, null, "zh-CN", false, "admin", InstallObserver.NONE);
    MongoDatabase database = app.getBean(MongoDatabase.class);
    RecordService records = app.getBean(RecordService.class);
    long seeded = records.countAll("inventory", "item");
    long start = System.nanoTime();
    java.util.function.IntFunction<Map<String, Object>> item = i -> Map.of(
        "code", String.format("BENCH-%05d", i), "name", "Bench item " + i, "spec", "M" + (6 + i % 20) + "x" + (10 + i % 90));
    BulkRecords.fill(database, records.forApp("inventory", "bench"), "inventory", "item", RECORDS, item);
    double filling = (System.nanoTime() - start) / 1e9;
    assertThat(records.countAll("inventory", "item")).isEqualTo(seeded + RECORDS);
    String shipped = templates.catalog().find("inventory").orElseThrow().pkg().orElseThrow().version().toString();
    String next = nextMinor(shipped);
    writeInventoryWithRenamedSpec(folder, next);

    start = System.nanoTime();
    UpgradeResult result = templates.upgrade("inventory", next, null, Map.of(), false, "admin", InstallObserver.NONE);
    double upgradeMs = (System.nanoTime() - start) / 1e6;
    assertThat(result.status()).as(result.conflicts().toString()).isEqualTo("upgraded");
    assertThat(result.migratedRecords()).containsEntry("item", seeded + RECORDS);
    Map<String, Object> probe = item.apply(RECORDS / 2);
    var migrated = records.forApp("inventory", "bench").find("item",
        List.of(new RecordQuery.Filter("code", "eq", Json.MAPPER.getNodeFactory().textNode((String) probe.get("code")))), 2);
    assertThat(migrated).singleElement().satisfies(r -> {
      assertThat(r.data().path("specification").asString()).isEqualTo(probe.get("spec"));
      assertThat(r.data().has("spec")).isFalse();
    });

    // Baseline: the same migration (rename, new form version) as one bare updateMany on a copy of the collection.
    MongoCollection<Document> source = database.getCollection(RecordCollections.records("inventory", "item"));
    MongoCollection<Document> copy = database.getCollection("bench_bare_item");
    List<Document> docs = source.find().into(new ArrayList<>());
    docs.forEach(d -> ((Document) d.get("data")).put("spec", ((Document) d.get("data")).remove("specification")));
    copy.insertMany(docs);
    start = System.nanoTime();
    long bareCount = copy.updateMany(Filters.empty(),
        Updates.combine(Updates.rename("data.spec", "data.specification"), Updates.set("formVersion", 99))).getModifiedCount();
    double bareMs = (System.nanoTime() - start) / 1e6;
    assertThat(bareCount).isEqualTo(seeded + RECORDS);
    report(String.format("upgrade inventory %s -> %s with %,d items (bulk-filled in %.1f s): %8.0f ms; bare updateMany of the same migration: %6.0f ms; ratio %.1f",
        shipped, next, seeded + RECORDS, filling, upgradeMs, bareMs, upgradeMs / bareMs));
  }

  private static String nextMinor(String version) {
    String[] parts = version.split("\\.");
    return parts[0] + "." + (Integer.parseInt(parts[1]) + 1) + ".0";
  }

  /** The built-in inventory package as {@code version}: item.spec renamed to specification (with its migration). */
  private static void writeInventoryWithRenamedSpec(Path folder, String version) throws IOException {
    Path root = folder.resolve("inventory-" + version);
    for (String path : builtinFiles("inventory")) {
      Path target = root.resolve(path);
      Files.createDirectories(target.getParent());
      try (InputStream in = TemplateBenchmark.class.getClassLoader().getResourceAsStream("templates/inventory/" + path)) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (path.equals("template.json")) {
          ObjectNode manifest = (ObjectNode) Json.MAPPER.readTree(text);
          manifest.put("version", version);
          manifest.putArray("migrations").addObject().put("version", version).put("form", "item")
              .putObject("rename").put("spec", "specification");
          text = manifest.toString();
        } else if (path.equals("forms/item.json") || path.equals("views/items.json") || path.equals("data/items.json")) {
          text = text.replace("\"spec\"", "\"specification\"");
        } else if (path.equals("i18n/zh-CN.json")) {
          text = text.replace("\"item.spec\"", "\"item.specification\"");
        }
        Files.writeString(target, text, StandardOpenOption.CREATE_NEW);
      }
    }
  }

  private static List<String> builtinFiles(String key) throws IOException {
    Path root;
    try {
      root = Path.of(TemplateBenchmark.class.getClassLoader().getResource("templates/" + key + "/template.json").toURI()).getParent();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/')).toList();
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static void report(String line) {
    System.out.println(line);
    try {
      Files.writeString(Path.of("target", "bench-results.txt"), line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
