package dev.tangram.plugins.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The case comparator must be able to fail: the other variant's answer is wrong for this one. */
class ExpectedBlockComparatorTests {

  @Test
  void movingAverageResultDoesNotPassTheFifoAnswer() {
    assertThat(errorsComparing("ledger-02-sale-with-cogs-moving-average-and-fifo.json", "movingAverage", "fifo"))
        .anyMatch(e -> e.contains("5401")).anyMatch(e -> e.contains("closingBalances.1405"));
  }

  @Test
  void swapResultDoesNotPassTheRedInkAnswer() {
    assertThat(errorsComparing("ledger-03-reversal-instead-of-deletion.json", "swap", "redInk"))
        .anyMatch(e -> e.contains("periodTurnover.debit"));
  }

  @Test
  void globalRoundingDoesNotPassThePerLineAnswer() {
    assertThat(errorsComparing("ledger-04-rounding-thirds.json", "global", "perLine"))
        .anyMatch(e -> e.contains("closingBalances.222102"));
  }

  private static java.util.List<String> errorsComparing(String file, String ranVariant, String judgedVariant) {
    JsonNode node = LedgerCaseFiles.read(LedgerCaseFiles.casesDirectory().resolve(file));
    SimulationInput input = LedgerCaseFiles.inputOf(node);
    SimulationResult result = new LedgerPlugin().simulate(input.withSettings(LedgerSettings.defaults().withVariant(ranVariant)));
    SoftAssertions softly = new SoftAssertions();
    new ExpectedBlockComparator(LedgerCaseFiles.MAPPER.valueToTree(result), softly, file)
        .compare(node.get("expected").get("variants").get(judgedVariant));
    return softly.errorsCollected().stream().map(Throwable::getMessage).toList();
  }
}
