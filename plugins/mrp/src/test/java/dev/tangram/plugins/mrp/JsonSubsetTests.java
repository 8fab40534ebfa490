package dev.tangram.plugins.mrp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The case comparison must be able to fail, or the case tests prove nothing. */
class JsonSubsetTests {

  private static JsonNode json(String text) {
    return SharedCases.MAPPER.readTree(text);
  }

  @Test
  void numbersCompareByValueAndExtraActualFieldsAreAllowed() {
    assertThat(JsonSubset.differences(json("{\"a\": [40, 1.5]}"), json("{\"a\": [40.0, 1.50], \"b\": 1}"))).isEmpty();
  }

  @Test
  void differentNumberMissingFieldAndArrayLengthAreReportedWithTheirPath() {
    assertThat(JsonSubset.differences(
            json("{\"a\": [1, 2], \"b\": {\"c\": 3}, \"d\": \"x\", \"e\": [1]}"),
            json("{\"a\": [1, 2.5], \"b\": {}, \"d\": \"y\", \"e\": [1, 2]}")))
        .hasSize(4)
        .anySatisfy(d -> assertThat(d).startsWith("$.a[1]"))
        .anySatisfy(d -> assertThat(d).startsWith("$.b.c"))
        .anySatisfy(d -> assertThat(d).startsWith("$.d"))
        .anySatisfy(d -> assertThat(d).startsWith("$.e"));
  }
}
