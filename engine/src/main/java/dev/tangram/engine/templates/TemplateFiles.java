package dev.tangram.engine.templates;

import dev.tangram.engine.common.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Where the files of one package come from: the class path (built-in templates), a folder or a
 * {@code .zip} an admin added. Paths are relative to the package root, e.g. {@code forms/item.json}.
 */
public interface TemplateFiles {

  /** The most a package may hold, unpacked; a zip bomb is refused rather than read. */
  long MAX_UNPACKED_BYTES = 20L * 1024 * 1024;

  /** The file's text (UTF-8), or empty if the package has no such file. */
  Optional<String> read(String path);

  /** Where the package comes from, for the catalog: {@code builtin}, {@code folder:…}, {@code upload}. */
  String origin();

  /** A built-in package: {@code templates/<key>/} on the class path. */
  static TemplateFiles classpath(ClassLoader loader, String key) {
    return new TemplateFiles() {
      @Override
      public Optional<String> read(String path) {
        if (path.contains("..")) {
          return Optional.empty();
        }
        try (InputStream in = loader.getResourceAsStream("templates/" + key + "/" + path)) {
          return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public String origin() {
        return "builtin";
      }
    };
  }

  /** A package unpacked in a folder (its {@code template.json} at the top). */
  static TemplateFiles folder(Path root) {
    Path base = root.toAbsolutePath().normalize();
    return new TemplateFiles() {
      @Override
      public Optional<String> read(String path) {
        Path file = base.resolve(path).normalize();
        if (!file.startsWith(base) || !Files.isRegularFile(file)) {
          return Optional.empty();
        }
        try {
          return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public String origin() {
        return "folder:" + base;
      }
    };
  }

  /**
   * A package as a zip file; {@code template.json} may sit at the top or in one top folder. Refused
   * with a {@link ValidationException} when it is not a readable zip or unpacks to too much.
   */
  static TemplateFiles zip(byte[] bytes, String origin) {
    Map<String, String> files = new HashMap<>();
    long total = 0;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        if (entry.isDirectory()) {
          continue;
        }
        byte[] content = zip.readNBytes((int) Math.min(MAX_UNPACKED_BYTES - total + 1, Integer.MAX_VALUE - 8));
        total += content.length;
        if (total > MAX_UNPACKED_BYTES) {
          throw ValidationException.of("package", "tooLarge", "The package unpacks to more than " + MAX_UNPACKED_BYTES / 1024 / 1024 + " MB");
        }
        files.put(entry.getName().replace('\\', '/'), new String(content, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw ValidationException.of("package", "notZip", "The package is not a readable zip file: " + e.getMessage());
    }
    String prefix = files.containsKey("template.json") ? "" : files.keySet().stream()
        .filter(n -> n.endsWith("/template.json") && n.indexOf('/') == n.length() - "/template.json".length())
        .findFirst().map(n -> n.substring(0, n.length() - "template.json".length())).orElse("");
    return new TemplateFiles() {
      @Override
      public Optional<String> read(String path) {
        return Optional.ofNullable(files.get(prefix + path));
      }

      @Override
      public String origin() {
        return origin;
      }
    };
  }
}
