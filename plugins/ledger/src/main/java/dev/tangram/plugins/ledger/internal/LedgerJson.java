package dev.tangram.plugins.ledger.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON of what persistent books store: exact decimals, absent values left out. */
final class LedgerJson {

  static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
      .build();

  private LedgerJson() {}

  /** Whether two values have the same JSON, numbers compared by value (2 = 2.00). */
  static boolean sameValues(Object a, Object b) {
    return normalised(MAPPER.valueToTree(a)).equals(normalised(MAPPER.valueToTree(b)));
  }

  private static tools.jackson.databind.JsonNode normalised(tools.jackson.databind.JsonNode node) {
    if (node.isNumber()) {
      java.math.BigDecimal value = node.decimalValue();
      return MAPPER.getNodeFactory().numberNode(value.signum() == 0 ? java.math.BigDecimal.ZERO : value.stripTrailingZeros());
    }
    if (node instanceof tools.jackson.databind.node.ObjectNode object) {
      var copy = MAPPER.createObjectNode();
      object.properties().forEach(e -> copy.set(e.getKey(), normalised(e.getValue())));
      return copy;
    }
    if (node instanceof tools.jackson.databind.node.ArrayNode array) {
      var copy = MAPPER.createArrayNode();
      array.forEach(e -> copy.add(normalised(e)));
      return copy;
    }
    return node;
  }
}
