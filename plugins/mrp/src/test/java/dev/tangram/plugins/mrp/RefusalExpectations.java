package dev.tangram.plugins.mrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Checks a refusal against an expected error block: {@code code} (case-insensitive, since the shared
 * ledger cases write codes in lower case and the engine documents upper case), {@code field} when
 * given, and {@code message} / {@code messageContains} / {@code path} as parts of the message.
 */
final class RefusalExpectations {

  private RefusalExpectations() {}

  static void assertMatches(JsonNode expected, MrpInputException refusal) {
    assertThat(refusal.code().toLowerCase(Locale.ROOT))
        .as("code of: %s", refusal.getMessage())
        .isEqualTo(expected.get("code").asString().toLowerCase(Locale.ROOT));
    if (expected.has("field")) {
      assertThat(refusal.field()).as("field of: %s", refusal.getMessage()).isEqualTo(expected.get("field").asString());
    }
    for (String part : new String[] {"message", "messageContains", "path"}) {
      JsonNode text = expected.get(part);
      if (text != null && text.isArray()) {
        assertThat(refusal.getMessage()).contains(String.join(" -> ", text.valueStream().map(JsonNode::asString).toList()));
      } else if (text != null) {
        assertThat(refusal.getMessage()).contains(text.asString());
      }
    }
  }
}
