package dev.tangram.plugins.ledger.internal;

import dev.tangram.plugins.ledger.LedgerEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where a claim stands on its approval path. The path comes from the amount rule when there is one,
 * else from the decisions given ({@code role:approve}, {@code role:reject}). Any rejection rejects;
 * every step approved approves; anything else is pending.
 */
record ClaimApproval(List<String> path, String status) {

  boolean approved() {
    return status.equals("approved");
  }

  static ClaimApproval of(LedgerEvent event, BigDecimal total, @Nullable ApprovalRule rule) {
    Map<String, String> decisions = new LinkedHashMap<>();
    for (String entry : event.approvals() == null ? List.<String>of() : event.approvals()) {
      int colon = entry.lastIndexOf(':');
      if (colon > 0) decisions.put(entry.substring(0, colon).trim(), entry.substring(colon + 1).trim());
    }
    List<String> path = rule != null ? rule.pathFor(total) : new ArrayList<>(decisions.keySet());
    if (decisions.isEmpty() && event.status() != null) {
      return new ClaimApproval(path, event.status().equals("approved") ? "approved" : event.status());
    }
    if (decisions.values().stream().anyMatch(d -> d.startsWith("reject"))) {
      return new ClaimApproval(path, "rejected");
    }
    boolean complete = path.stream().allMatch(step -> decisions.getOrDefault(step, "").startsWith("approve"));
    return new ClaimApproval(path, complete ? "approved" : "pending");
  }
}
