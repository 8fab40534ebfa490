package dev.tangram.plugins.ledger;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;
import tools.jackson.databind.JsonNode;

/**
 * Compares expected vouchers with posted ones, by id: date, source, {@code reversalOf}, totals and
 * per account-and-party debit and credit (convention 7). A line's {@code item} must appear on a
 * posted line of the same account; a {@code dept} is checked wherever the posting carries
 * departments on that account.
 */
final class VoucherComparator {

  private final JsonNode actualVouchers;
  private final SoftAssertions softly;
  private final String label;

  VoucherComparator(JsonNode actualVouchers, SoftAssertions softly, String label) {
    this.actualVouchers = actualVouchers;
    this.softly = softly;
    this.label = label;
  }

  void compare(JsonNode expected) {
    softly.assertThat(actualVouchers.size()).as("%s: number of vouchers", label).isEqualTo(expected.size());
    for (JsonNode want : expected.values()) {
      String id = want.get("id").asString();
      JsonNode got = find(id);
      if (got == null) {
        softly.fail("%s: voucher %s was not posted", label, id);
        continue;
      }
      for (String field : new String[] {"date", "source", "reversalOf"}) {
        if (want.has(field)) {
          softly.assertThat(got.path(field).asString()).as("%s: %s.%s", label, id, field).isEqualTo(want.get(field).asString());
        }
      }
      softly.assertThat(totals(got.get("lines"))).as("%s: %s lines per account/party", label, id)
          .isEqualTo(totals(want.get("lines")));
      want.get("lines").values().forEach(line -> dimensions(id, line, got.get("lines")));
    }
  }

  private JsonNode find(String id) {
    for (JsonNode v : actualVouchers.values()) {
      if (v.get("id").asString().equals(id)) return v;
    }
    return null;
  }

  private static Map<String, String> totals(JsonNode lines) {
    Map<String, BigDecimal[]> sums = new TreeMap<>();
    for (JsonNode line : lines.values()) {
      String key = line.get("account").asString() + (line.has("party") ? "/" + line.get("party").asString() : "");
      BigDecimal[] s = sums.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      s[0] = s[0].add(line.path("debit").decimalValue(BigDecimal.ZERO));
      s[1] = s[1].add(line.path("credit").decimalValue(BigDecimal.ZERO));
    }
    Map<String, String> out = new TreeMap<>();
    sums.forEach((k, s) -> out.put(k, "Dr " + s[0].stripTrailingZeros().toPlainString() + " Cr " + s[1].stripTrailingZeros().toPlainString()));
    return out;
  }

  private void dimensions(String id, JsonNode want, JsonNode gotLines) {
    String account = want.get("account").asString();
    for (String dim : new String[] {"item", "dept", "project", "warehouse"}) {
      if (!want.has(dim)) continue;
      boolean carried = gotLines.values().stream().anyMatch(l -> l.get("account").asString().equals(account) && l.has(dim));
      if (!carried && !dim.equals("item")) continue; // the input gives no such dimension to post
      softly.assertThat(gotLines.values()).as("%s: %s has a line on %s with %s %s", label, id, account, dim, want.get(dim).asString())
          .anyMatch(l -> l.get("account").asString().equals(account) && l.path(dim).asString().equals(want.get(dim).asString()));
    }
  }
}
