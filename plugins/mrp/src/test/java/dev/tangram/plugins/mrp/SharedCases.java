package dev.tangram.plugins.mrp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Finds the shared reference cases ({@code <repoRoot>/../shared/domain/cases}) and reads them. */
final class SharedCases {

  /** Reads like the engine: unknown properties refused, decimals kept exact. */
  static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  private SharedCases() {}

  static Path folder() {
    return dev.tangram.engine.testing.SharedCases.directory();
  }

  static List<Path> mrpCases() {
    try (Stream<Path> files = Files.list(folder())) {
      List<Path> cases = files
          .filter(f -> f.getFileName().toString().matches("mrp-.*\\.json"))
          .sorted()
          .toList();
      if (cases.isEmpty()) {
        throw new IllegalStateException("No mrp-*.json case in " + folder());
      }
      return cases;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot list " + folder(), e);
    }
  }
}
