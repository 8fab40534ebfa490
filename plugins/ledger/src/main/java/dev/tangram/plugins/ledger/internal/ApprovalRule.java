package dev.tangram.plugins.ledger.internal;

import dev.tangram.plugins.ledger.LedgerRefusedException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount-threshold approval rule such as
 * {@code amount <= 5000: deptHead -> finance; amount > 5000: deptHead -> finance -> GM}: the first
 * branch whose condition holds gives the approval path.
 */
final class ApprovalRule {

  private static final Pattern BRANCH =
      Pattern.compile("\\s*amount\\s*(<=|>=|<|>|==|=)\\s*([0-9.]+)\\s*:\\s*(.+)");

  private record Branch(String op, BigDecimal limit, List<String> path) {
    boolean matches(BigDecimal amount) {
      int c = amount.compareTo(limit);
      return switch (op) {
        case "<=" -> c <= 0;
        case ">=" -> c >= 0;
        case "<" -> c < 0;
        case ">" -> c > 0;
        default -> c == 0;
      };
    }
  }

  private final List<Branch> branches;

  private ApprovalRule(List<Branch> branches) {
    this.branches = branches;
  }

  static ApprovalRule parse(String text) {
    List<Branch> branches = new ArrayList<>();
    for (String part : text.split(";")) {
      Matcher m = BRANCH.matcher(part);
      if (!m.matches()) {
        throw new LedgerRefusedException("invalid_approval_rule", "approvalRule",
            "Cannot read approval rule branch '" + part.trim() + "'");
      }
      List<String> path = Arrays.stream(m.group(3).split("->")).map(String::trim).toList();
      branches.add(new Branch(m.group(1), new BigDecimal(m.group(2)), path));
    }
    return new ApprovalRule(branches);
  }

  List<String> pathFor(BigDecimal amount) {
    return branches.stream().filter(b -> b.matches(amount)).findFirst().map(Branch::path).orElse(List.of());
  }
}
