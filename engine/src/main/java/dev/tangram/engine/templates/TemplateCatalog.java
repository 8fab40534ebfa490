package dev.tangram.engine.templates;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.plugins.PluginRegistry;
import dev.tangram.engine.rules.ScriptSandbox;
import dev.tangram.engine.templates.internal.PackageChecker;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.types.Binary;


/**
 * The marketplace's packages: built-in ones (the keys listed in class-path resource
 * {@code templates/catalog.json}, each under {@code templates/<key>/}), folders and {@code .zip}
 * files in the configured template folders, and zips an admin uploaded (collection
 * {@code _template_packages}). Where several offer the same key, the highest version wins.
 */
public final class TemplateCatalog {

  /** A package as found: checked, or refused with its problems. */
  public record Found(TemplateFiles files, String key, Optional<TemplatePackage> pkg, List<dev.tangram.engine.common.FieldError> problems) {}

  private final ClassLoader loader;
  private final List<Path> folders;
  private final MongoCollection<Document> uploads;
  private final PackageChecker checker;
  private final Clock clock;
  private final Map<String, Found> builtins = new ConcurrentHashMap<>();

  /**
   * @param folders where an admin puts package folders and zips (read on every listing)
   * @param plugins the plugins present, which a package's required plugins are checked against
   */
  public TemplateCatalog(ClassLoader loader, List<Path> folders, MongoDatabase database, FormService forms,
      ScriptSandbox sandbox, PluginRegistry plugins, Clock clock) {
    this(loader, folders, database, new PackageChecker(forms, sandbox, plugins), clock);
  }

  TemplateCatalog(ClassLoader loader, List<Path> folders, MongoDatabase database, PackageChecker checker, Clock clock) {
    this.loader = loader;
    this.folders = List.copyOf(folders);
    this.uploads = database.getCollection("_template_packages");
    this.checker = checker;
    this.clock = clock;
  }

  /** Every package found, one per key (the highest valid version), sorted by key. */
  public List<Found> all() {
    Map<String, Found> best = new java.util.TreeMap<>();
    for (Found f : found()) {
      best.merge(f.key(), f, (a, b) -> better(b, a) ? b : a);
    }
    return new ArrayList<>(best.values());
  }

  public Optional<Found> find(String key) {
    return all().stream().filter(f -> f.key().equals(key)).findFirst();
  }

  /** A given version of a package, when several are on offer (e.g. to install an older one first). */
  public Optional<Found> find(String key, String version) {
    return found().stream().filter(f -> f.key().equals(key) && f.pkg().map(p -> p.version().toString().equals(version)).orElse(false)).findFirst();
  }

  /** Checks an uploaded zip and keeps it; an invalid package is refused whole, nothing kept. */
  public TemplatePackage add(byte[] zip, String actor) {
    TemplatePackage pkg = checker.load(TemplateFiles.zip(zip, "upload"));
    String id = pkg.key() + "@" + pkg.version();
    uploads.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("key", pkg.key()).append("version", pkg.version().toString())
        .append("zip", new Binary(zip)).append("addedBy", actor).append("addedAt", Date.from(clock.instant())),
        new ReplaceOptions().upsert(true));
    return pkg;
  }

  private List<Found> found() {
    List<Found> result = new ArrayList<>();
    for (String key : builtinKeys()) {
      result.add(builtins.computeIfAbsent(key, k -> check(TemplateFiles.classpath(loader, k), k)));
    }
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> entries = Files.list(folder)) {
        for (Path entry : entries.sorted().toList()) {
          String name = entry.getFileName().toString();
          if (Files.isRegularFile(entry.resolve("template.json"))) {
            result.add(check(TemplateFiles.folder(entry), name));
          } else if (name.endsWith(".zip") && Files.isRegularFile(entry)) {
            result.add(check(TemplateFiles.zip(Files.readAllBytes(entry), "folder:" + entry), name.replace(".zip", "")));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    uploads.find().forEach(d -> result.add(check(TemplateFiles.zip(d.get("zip", Binary.class).getData(), "upload"), d.getString("key"))));
    return result;
  }

  private Found check(TemplateFiles files, String fallbackKey) {
    try {
      TemplatePackage pkg = checker.load(files);
      return new Found(files, pkg.key(), Optional.of(pkg), List.of());
    } catch (ValidationException e) {
      String key = files.read("template.json").map(t -> {
        try {
          return Json.MAPPER.readTree(t).path("key").asString(fallbackKey);
        } catch (RuntimeException bad) {
          return fallbackKey;
        }
      }).orElse(fallbackKey);
      return new Found(files, key, Optional.empty(), e.errors());
    }
  }

  private static boolean better(Found candidate, Found current) {
    if (candidate.pkg().isEmpty()) {
      return false;
    }
    return current.pkg().isEmpty() || candidate.pkg().get().version().isNewerThan(current.pkg().get().version());
  }

  private List<String> builtinKeys() {
    try (InputStream in = loader.getResourceAsStream("templates/catalog.json")) {
      if (in == null) {
        return List.of();
      }
      List<String> keys = new ArrayList<>();
      Json.MAPPER.readTree(in).path("builtin").forEach(k -> keys.add(k.asString()));
      keys.sort(Comparator.naturalOrder());
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** For tests and the package check of an admin's folder: reads and checks one package. */
  public TemplatePackage load(TemplateFiles files) {
    return checker.load(files);
  }

}
