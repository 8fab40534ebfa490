package dev.tangram.runtime.ui.files;

import dev.tangram.engine.common.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Uploaded files, one folder per upload under {@code tangram.files-dir} (default
 * {@code <data-dir>/files}). A file's URL is {@code /files/<id>/<name>}; the id is random, the name
 * is reduced to safe characters, so no path can leave the folder.
 */
@Component
public class FileStore {

  private static final Pattern ID = Pattern.compile("^[0-9a-f-]{36}$");
  private final Path root;

  FileStore(@Value("${tangram.files-dir:${tangram.data-dir:./data}/files}") String root) {
    this.root = Path.of(root).toAbsolutePath().normalize();
  }

  /** Stores {@code content}; returns the field value {@code {name, url, size, contentType}}. */
  public ObjectNode store(String fileName, String contentType, InputStream content) {
    String id = UUID.randomUUID().toString();
    String name = safeName(fileName);
    try {
      Path folder = Files.createDirectories(root.resolve(id));
      long size = Files.copy(content, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      ObjectNode value = Json.MAPPER.createObjectNode();
      value.put("name", name).put("url", "/files/" + id + "/" + name).put("size", size).put("contentType", contentType);
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not store the upload '" + name + "'", e);
    }
  }

  /** The stored file of {@code id}/{@code name}, if there is one. */
  public Optional<Path> find(String id, String name) {
    if (!ID.matcher(id).matches() || !name.equals(safeName(name))) {
      return Optional.empty();
    }
    Path file = root.resolve(id).resolve(name).normalize();
    return file.startsWith(root) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  static String safeName(String fileName) {
    String base = fileName.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    String cleaned = base.replaceAll("[^\\p{L}\\p{N}._-]", "_");
    cleaned = cleaned.replaceAll("^\\.+", "");
    if (cleaned.isEmpty()) {
      cleaned = "file";
    }
    return cleaned.length() > 120 ? cleaned.substring(cleaned.length() - 120) : cleaned;
  }
}
