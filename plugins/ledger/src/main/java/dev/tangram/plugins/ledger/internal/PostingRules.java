package dev.tangram.plugins.ledger.internal;

import dev.tangram.plugins.ledger.SimulationInput.ItemInput;
import dev.tangram.plugins.ledger.SimulationInput.PostingRulesInput;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which account each posting rule uses (DOMAIN §2.3), with the 小企业会计准则 defaults and the
 * company's overrides. Companies on 企业会计准则 remap through {@code postingRules}.
 */
record PostingRules(
    Map<String, String> expenseCategory, Map<String, String> itemStockAccount, @Nullable String stock,
    String advance, String reimbursementPayable, String grni, String payable, String prepayment,
    String receivable, String customerAdvance, String revenue, String cogs, String inputVat,
    String outputVat, String bank, String stockDifference, String stockLoss, String stockGain,
    String profit, String retainedEarnings) {

  private static final List<String> STOCK_CANDIDATES = List.of("1405", "1403", "1411");

  static PostingRules from(@Nullable PostingRulesInput in, @Nullable List<ItemInput> items) {
    PostingRulesInput r = in != null ? in : new PostingRulesInput(null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null);
    Map<String, String> categories = new HashMap<>(Map.of("travel", "560201", "entertainment", "560202",
        "meal", "560202", "office", "560203", "selling", "5601", "sales", "5601", "finance", "5603"));
    if (r.expenseCategory() != null) categories.putAll(r.expenseCategory());
    Map<String, String> itemAccounts = new HashMap<>();
    if (items != null) {
      items.stream().filter(i -> i.stockAccount() != null).forEach(i -> itemAccounts.put(i.code(), i.stockAccount()));
    }
    return new PostingRules(categories, itemAccounts, r.stockAccount(),
        or(r.advanceAccount(), "1221"), or(r.reimbursementPayable(), "2241"), or(r.grniAccount(), "220202"),
        or(r.payableAccount(), "220201"), or(r.prepaymentAccount(), "1123"), or(r.receivableAccount(), "1122"),
        "2203", or(r.revenueAccount(), "5001"), or(r.cogsAccount(), "5401"), or(r.inputVatAccount(), "222101"),
        or(r.outputVatAccount(), "222102"), or(r.bankAccount(), "1002"), or(r.stockDifferenceAccount(), "1901"),
        or(r.stockLossAccount(), "5711"), or(r.stockGainAccount(), "5301"), or(r.profitAccount(), "3103"),
        or(r.retainedEarningsAccount(), "3104"));
  }

  private static String or(@Nullable String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  /**
   * Stock account of an item: the line's, the item's, the rule's, else the first stock account the
   * company's own chart lists (a trading company lists 1405, a factory's materials 1403).
   */
  String stockAccountFor(String item, @Nullable String lineAccount, ChartOfAccounts chart) {
    if (lineAccount != null) return lineAccount;
    if (itemStockAccount.containsKey(item)) return itemStockAccount.get(item);
    if (stock != null) return stock;
    return STOCK_CANDIDATES.stream().filter(chart::isDeclared).findFirst().orElse("1405");
  }

  /** Accounts whose balance must equal the stock ledger's value. */
  List<String> stockAccountCandidates() {
    List<String> all = new java.util.ArrayList<>(STOCK_CANDIDATES);
    if (stock != null) all.add(stock);
    all.addAll(itemStockAccount.values());
    return all;
  }

  /** Expense account of a claim category; a category that is an account code maps to itself. */
  Optional<String> expenseAccountFor(@Nullable String category, ChartOfAccounts chart) {
    if (category == null) return Optional.empty();
    if (expenseCategory.containsKey(category)) return Optional.of(expenseCategory.get(category));
    return chart.find(category).map(Account::code);
  }
}
