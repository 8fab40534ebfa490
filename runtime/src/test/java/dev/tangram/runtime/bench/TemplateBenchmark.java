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
import dev.tangram.engine.records.RecordService;
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
 *   <li>Upgrade: OA 1.0.0 with {@code bench.records} (10,000) general requests, upgraded to a 1.1.0
 *       that renames a field of that form (a data migration over every record), relabels another and
 *       changes a flow, against a baseline of the same field rename as one bare {@code updateMany} on a
 *       copy of the same collection.
 * </ul>
 *
 * {@code ./tangram mvn -B -q -Pbench -pl runtime -am test -Dtest=TemplateBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * the figures are printed and appended to {@code runtime/target/bench-results.txt}.
 */
@Tag("bench")
class TemplateBenchmark {

  static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
  static final int RECORDS = Integer.getInteger("bench.records", 10_000);

  @TempDir
  Path dataDir;

  @Test
  void installAndUpgradeTimesOnTheEmbeddedDefaults() throws IOException {
    Path folder = Files.createDirectories(dataDir.resolve("templates"));
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TangramApplication.class).run(
        "--server.port=0", "--tangram.data-dir=" + dataDir, "--tangram.admin.password=bench-admin-pw", "--logging.level.root=WARN")) {
      TemplateService templates = app.getBean(TemplateService.class);
      report("TemplateBenchmark on the embedded defaults (H2 files under " + dataDir + "), " + ROUNDS + " rounds, median");
      for (CatalogEntry entry : templates.list()) {
        if (entry.origin().equals("builtin") && entry.problems().isEmpty()) {
          install(app, templates, entry.key());
        }
      }
      upgrade(app, templates, folder);
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

  private void upgrade(ConfigurableApplicationContext app, TemplateService templates, Path folder) throws IOException {
    templates.install("oa", null, null, "zh-CN", false, "admin", InstallObserver.NONE);
    MongoDatabase database = app.getBean(MongoDatabase.class);
    RecordService records = app.getBean(RecordService.class);
    AppRecords oa = records.forApp("oa", "bench");
    long start = System.nanoTime();
    for (int i = 0; i < RECORDS; i++) {
      oa.create("general_request", (ObjectNode) Json.MAPPER.readTree("{\"applicant\":\"admin\",\"title\":\"Request " + i
          + "\",\"content\":\"Please approve item " + i + "\",\"amount\":" + (i % 900) + "}"), null);
    }
    double filling = (System.nanoTime() - start) / 1e9;
    assertThat(records.countAll("oa", "general_request")).isEqualTo(RECORDS);
    writeVersion110(folder);

    start = System.nanoTime();
    UpgradeResult result = templates.upgrade("oa", "1.1.0", null, Map.of(), false, "admin", InstallObserver.NONE);
    double upgradeMs = (System.nanoTime() - start) / 1e6;
    assertThat(result.status()).as(result.conflicts().toString()).isEqualTo("upgraded");
    assertThat(result.migratedRecords()).containsEntry("general_request", (long) RECORDS);

    // Baseline: the same rename as one bare updateMany over a copy of the collection.
    MongoCollection<Document> source = database.getCollection(collectionOf(database, "oa", "general_request"));
    MongoCollection<Document> copy = database.getCollection("bench_bare_general_request");
    List<Document> docs = source.find().into(new ArrayList<>());
    docs.forEach(d -> ((Document) d.get("data")).put("content", ((Document) d.get("data")).remove("details")));
    copy.insertMany(docs);
    start = System.nanoTime();
    copy.updateMany(Filters.empty(), Updates.combine(Updates.rename("data.content", "data.details"), Updates.set("formVersion", 2)));
    double bareMs = (System.nanoTime() - start) / 1e6;
    report(String.format("upgrade oa 1.0.0 -> 1.1.0 with %,d records (written in %.0f s): %8.0f ms; bare updateMany of the rename: %6.0f ms; ratio %.1f",
        RECORDS, filling, upgradeMs, bareMs, upgradeMs / bareMs));
  }

  private static String collectionOf(MongoDatabase database, String app, String form) {
    for (String name : database.listCollectionNames()) {
      if (name.contains(app) && name.endsWith(form) && !name.contains("history")) {
        return name;
      }
    }
    throw new IllegalStateException("No collection for " + app + "/" + form);
  }

  /** OA 1.1.0: general_request.content renamed to details (with its migration), a relabel and a flow change. */
  private static void writeVersion110(Path folder) throws IOException {
    Path root = folder.resolve("oa-1.1.0");
    for (String path : builtinFiles("oa")) {
      Path target = root.resolve(path);
      Files.createDirectories(target.getParent());
      try (InputStream in = TemplateBenchmark.class.getClassLoader().getResourceAsStream("templates/oa/" + path)) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (path.equals("template.json")) {
          ObjectNode manifest = (ObjectNode) Json.MAPPER.readTree(text);
          manifest.put("version", "1.1.0");
          manifest.putArray("migrations").addObject().put("version", "1.1.0").put("form", "general_request")
              .putObject("rename").put("content", "details");
          text = manifest.toString();
        } else if (path.equals("forms/general_request.json")) {
          text = text.replace("\"content\"", "\"details\"").replace("\"Title\"", "\"Subject\"");
        } else if (path.equals("i18n/zh-CN.json")) {
          text = text.replace("\"general_request.content\"", "\"general_request.details\"");
        } else if (path.equals("flows/general_request.json")) {
          text = text.replace("部门负责人", "部门主管");
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
