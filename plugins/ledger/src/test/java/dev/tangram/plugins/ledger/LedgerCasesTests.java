package dev.tangram.plugins.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every shared ledger reference case, every variant it gives: the simulation must produce the
 * {@code expected} block and honour each event's {@code expect}.
 */
class LedgerCasesTests {

  private final LedgerPlugin plugin = new LedgerPlugin();

  static Stream<Arguments> caseVariants() {
    List<Arguments> runs = new ArrayList<>();
    for (Path file : LedgerCaseFiles.ledgerCases()) {
      JsonNode node = LedgerCaseFiles.read(file);
      JsonNode variants = node.get("expected").get("variants");
      if (variants == null) {
        runs.add(Arguments.of(file.getFileName().toString(), "default"));
      } else {
        variants.propertyNames().forEach(v -> runs.add(Arguments.of(file.getFileName().toString(), v)));
      }
    }
    return runs.stream();
  }

  @ParameterizedTest(name = "{0} [{1}]")
  @MethodSource("caseVariants")
  void simulationMatchesTheHandCheckedAnswer(String fileName, String variant) {
    JsonNode node = LedgerCaseFiles.read(LedgerCaseFiles.casesDirectory().resolve(fileName));
    SimulationInput input = LedgerCaseFiles.inputOf(node);
    LedgerSettings settings = input.settings() == null ? LedgerSettings.defaults() : input.settings().resolved();
    if (!variant.equals("default")) settings = settings.withVariant(variant);

    SimulationResult result = plugin.simulate(input.withSettings(settings));
    JsonNode actual = LedgerCaseFiles.MAPPER.valueToTree(result);

    ObjectNode expected = ((ObjectNode) node.get("expected")).deepCopy();
    JsonNode variantBlock = expected.remove("variants");
    if (variantBlock != null) variantBlock.get(variant).properties().forEach(e -> expected.set(e.getKey(), e.getValue()));
    SoftAssertions softly = new SoftAssertions();
    String label = fileName + " [" + variant + "]";
    new ExpectedBlockComparator(actual, softly, label).compare(expected);
    checkEventExpectations(node.get("inputs").get("events"), result, softly, label);
    softly.assertAll();
  }

  private static void checkEventExpectations(JsonNode events, SimulationResult result, SoftAssertions softly, String label) {
    assertThat(result.events()).as("one outcome per event").hasSize(events.size());
    for (int i = 0; i < events.size(); i++) {
      JsonNode expect = events.get(i).get("expect");
      SimulationResult.EventOutcome outcome = result.events().get(i);
      if (expect == null) {
        softly.assertThat(outcome.error()).as("%s: event %s is accepted", label, outcome.seq()).isNull();
        continue;
      }
      String what = label + ": event " + outcome.seq();
      if (expect.path("rejected").asBoolean(false)) {
        softly.assertThat(outcome.error()).as("%s is rejected", what).isNotNull();
        if (outcome.error() == null) continue;
        softly.assertThat(outcome.error().code()).as("%s code", what).isEqualTo(expect.get("code").asString());
        if (expect.has("field")) softly.assertThat(outcome.error().field()).as("%s field", what).isEqualTo(expect.get("field").asString());
      } else {
        softly.assertThat(outcome.error()).as("%s is not rejected", what).isNull();
      }
      if (expect.has("newVouchers")) softly.assertThat(outcome.newVouchers()).as("%s new vouchers", what).hasSize(expect.get("newVouchers").asInt());
      if (expect.has("vouchers")) softly.assertThat(outcome.newVouchers()).as("%s vouchers", what).hasSize(expect.get("vouchers").asInt());
      if (expect.has("status")) softly.assertThat(outcome.status()).as("%s status", what).isEqualTo(expect.get("status").asString());
    }
  }
}
