package dev.tangram.plugins.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import tools.jackson.databind.JsonNode;

/**
 * Compares a simulation result with a case's {@code expected} block: every field present is
 * checked, numbers numerically. Voucher lines are compared as per-account-and-party totals, since
 * convention 7 lets lines with the same account and dimensions merge.
 */
final class ExpectedBlockComparator {

  private final JsonNode actual;
  private final SoftAssertions softly;
  private final String label;

  ExpectedBlockComparator(JsonNode actual, SoftAssertions softly, String label) {
    this.actual = actual;
    this.softly = softly;
    this.label = label;
  }

  void compare(JsonNode expected) {
    for (var entry : expected.properties()) {
      JsonNode value = entry.getValue();
      switch (entry.getKey()) {
        case "vouchers" -> new VoucherComparator(actual.get("vouchers"), softly, label).compare(value);
        case "voucherStatus", "approvalPath" -> sameMap(entry.getKey(), value);
        case "noVoucherFor" -> value.values().forEach(source -> softly.assertThat(actual.get("vouchers").values())
            .as("%s: no voucher for %s", label, source.asString())
            .noneMatch(v -> v.get("source").asString().equals(source.asString())));
        case "closingBalances", "partyBalances", "openItems" -> numbers(entry.getKey(), value, actual.get(entry.getKey()));
        case "trialBalance", "periodTurnover" -> numbers(entry.getKey(), value, actual.get(entry.getKey()));
        case "dimensionBalances" -> value.properties().forEach(a ->
            numbers("dimensionBalances." + a.getKey(), a.getValue(), actual.get("dimensionBalances").path(a.getKey())));
        case "stock" -> value.properties().forEach(s -> stock("stock." + s.getKey(), s.getValue(), actual.get("stock").path(s.getKey())));
        case "stockLedger" -> value.values().forEach(this::stockLedgerEntry);
        case "invoiceTotals" -> invoiceTotals(value);
        default -> softly.fail("%s: expected block has '%s', which this comparator does not judge", label, entry.getKey());
      }
    }
  }

  private void sameMap(String name, JsonNode expected) {
    expected.properties().forEach(e -> softly.assertThat(actual.get(name).path(e.getKey()))
        .as("%s: %s.%s", label, name, e.getKey()).isEqualTo(e.getValue()));
  }

  void numbers(String name, JsonNode expected, JsonNode actualBlock) {
    expected.properties().forEach(e -> {
      JsonNode a = actualBlock == null ? null : actualBlock.get(e.getKey());
      BigDecimal got = a == null || a.isNull() ? BigDecimal.ZERO : a.decimalValue();
      softly.assertThat(got).as("%s: %s.%s", label, name, e.getKey()).isEqualByComparingTo(e.getValue().decimalValue());
    });
  }

  private void stock(String name, JsonNode expected, JsonNode actualNode) {
    softly.assertThat(actualNode.isMissingNode()).as("%s: %s exists", label, name).isFalse();
    expected.properties().forEach(e -> {
      if (e.getKey().equals("layers")) {
        layers(name, e.getValue(), actualNode.path("layers"));
      } else if (e.getKey().equals("unitCost")) {
        BigDecimal want = e.getValue().decimalValue();
        BigDecimal got = actualNode.path("unitCost").decimalValue(BigDecimal.ZERO).setScale(Math.max(want.scale(), 2), RoundingMode.HALF_UP);
        softly.assertThat(got).as("%s: %s.unitCost", label, name).isEqualByComparingTo(want);
      } else if (!e.getKey().equals("after")) {
        softly.assertThat(actualNode.path(e.getKey()).decimalValue(BigDecimal.ZERO)).as("%s: %s.%s", label, name, e.getKey())
            .isEqualByComparingTo(e.getValue().decimalValue());
      }
    });
  }

  private void layers(String name, JsonNode expected, JsonNode actualLayers) {
    List<String> want = new ArrayList<>();
    List<String> got = new ArrayList<>();
    expected.values().forEach(l -> want.add(l.get(0).decimalValue().stripTrailingZeros().toPlainString() + "@"
        + l.get(1).decimalValue().setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()));
    actualLayers.values().forEach(l -> got.add(l.get(0).decimalValue().stripTrailingZeros().toPlainString() + "@"
        + l.get(1).decimalValue().setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()));
    softly.assertThat(got).as("%s: %s.layers", label, name).isEqualTo(want);
  }

  private void stockLedgerEntry(JsonNode expected) {
    String after = expected.get("after").asString();
    JsonNode last = null;
    for (JsonNode entry : actual.get("stockLedger").values()) {
      boolean sameItem = !expected.has("item") || entry.get("item").asString().equals(expected.get("item").asString());
      if (entry.get("after").asString().equals(after) && sameItem) last = entry;
    }
    if (last == null) {
      softly.fail("%s: no stock ledger entry after %s", label, after);
      return;
    }
    stock("stockLedger after " + after, expected, last);
  }

  private void invoiceTotals(JsonNode expected) {
    JsonNode all = actual.get("invoiceTotals");
    Map<String, JsonNode> wanted = new HashMap<>();
    if (expected.has("net")) {
      // One unnamed invoice: the case has exactly one invoice.
      softly.assertThat(all.size()).as("%s: one invoice", label).isEqualTo(1);
      all.properties().forEach(e -> wanted.put(e.getKey(), expected));
    } else {
      expected.properties().forEach(e -> wanted.put(e.getKey(), e.getValue()));
    }
    wanted.forEach((no, want) -> want.properties().forEach(e -> {
      if (e.getKey().equals("lineTax")) {
        List<BigDecimal> w = e.getValue().values().stream().map(JsonNode::decimalValue).map(BigDecimal::stripTrailingZeros).toList();
        List<BigDecimal> g = all.path(no).path("lineTax").values().stream().map(JsonNode::decimalValue).map(BigDecimal::stripTrailingZeros).toList();
        softly.assertThat(g).as("%s: invoiceTotals.%s.lineTax", label, no).isEqualTo(w);
      } else {
        softly.assertThat(all.path(no).path(e.getKey()).decimalValue(BigDecimal.ZERO)).as("%s: invoiceTotals.%s.%s", label, no, e.getKey())
            .isEqualByComparingTo(e.getValue().decimalValue());
      }
    }));
  }
}
