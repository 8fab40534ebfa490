package dev.tangram.plugins.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Finds and reads the shared ledger reference cases ({@code <repoRoot>/../shared/domain/cases}). */
final class LedgerCaseFiles {

  static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private LedgerCaseFiles() {}

  static Path casesDirectory() {
    return dev.tangram.engine.testing.SharedCases.directory();
  }

  static List<Path> ledgerCases() {
    try (Stream<Path> files = Files.list(casesDirectory())) {
      List<Path> cases = files.filter(f -> f.getFileName().toString().matches("ledger-.*\\.json")).sorted().toList();
      if (cases.isEmpty()) throw new IllegalStateException("No ledger-*.json in " + casesDirectory());
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode read(Path file) {
    try {
      return MAPPER.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SimulationInput inputOf(JsonNode caseNode) {
    return MAPPER.treeToValue(caseNode.get("inputs"), SimulationInput.class);
  }
}
