package dev.tangram.plugins.mrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tangram.plugins.mrp.internal.PlanningRun;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every refused input is a fixture in {@code invalid/} with its exact expected error: BOM cycles
 * naming their path, negative quantities, unknown items, incomplete lot sizing, duplicate items.
 */
class MrpRefusalsTests {

  static List<String> fixtures() throws IOException, URISyntaxException {
    Path folder = Path.of(MrpRefusalsTests.class.getResource("invalid").toURI());
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void invalidInputIsRefusedWithItsCodeAndField(String fixture) throws IOException {
    JsonNode testCase = SharedCases.MAPPER.readTree(MrpRefusalsTests.class.getResourceAsStream("invalid/" + fixture));
    PlanningInput input = SharedCases.MAPPER.treeToValue(testCase.get("inputs"), PlanningInput.class);

    MrpInputException refusal = catchThrowableOfType(MrpInputException.class, () -> PlanningRun.plan(input));

    assertThat(refusal).as("%s must be refused", fixture).isNotNull();
    RefusalExpectations.assertMatches(testCase.get("expected").get("error"), refusal);
  }
}
