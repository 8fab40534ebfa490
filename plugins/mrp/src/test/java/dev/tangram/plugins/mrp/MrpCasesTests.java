package dev.tangram.plugins.mrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tangram.plugins.mrp.internal.PlanningRun;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Plays every shared {@code mrp-*.json} reference case: binds {@code inputs} to {@link PlanningInput}
 * the way the engine does, plans, and compares the JSON result with {@code expected}. A case whose
 * expected block is an error ({@code error: {code, field, message}} or {@code rejected: true, code})
 * must be refused with that code.
 */
class MrpCasesTests {

  static Stream<Arguments> cases() {
    return SharedCases.mrpCases().stream().map(f -> Arguments.of(f.getFileName().toString(), f));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void planMatchesTheHandWorkedCase(String name, Path file) {
    JsonNode testCase = SharedCases.MAPPER.readTree(file.toFile());
    JsonNode expected = testCase.get("expected");
    PlanningInput input = SharedCases.MAPPER.treeToValue(testCase.get("inputs"), PlanningInput.class);
    JsonNode expectedError = expectedError(expected);
    if (expectedError != null) {
      MrpInputException refusal = catchThrowableOfType(MrpInputException.class, () -> PlanningRun.plan(input));
      assertThat(refusal).as("%s must be refused", name).isNotNull();
      RefusalExpectations.assertMatches(expectedError, refusal);
      return;
    }
    JsonNode actual = SharedCases.MAPPER.valueToTree(PlanningRun.plan(input));
    assertThat(JsonSubset.differences(expected, actual)).as("%s: differences from expected", name).isEmpty();
  }

  private static JsonNode expectedError(JsonNode expected) {
    if (expected.has("error")) {
      return expected.get("error");
    }
    if (expected.has("errors") && expected.get("errors").isArray() && !expected.get("errors").isEmpty()) {
      return expected.get("errors").get(0);
    }
    boolean rejected = expected.has("rejected") && expected.get("rejected").asBoolean();
    return rejected ? expected : null;
  }
}
