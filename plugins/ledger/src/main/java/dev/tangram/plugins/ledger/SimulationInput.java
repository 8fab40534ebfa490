package dev.tangram.plugins.ledger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Input of the {@code simulate} action: the {@code inputs} block of a ledger reference case. Every
 * part but {@code events} is optional; the default chart (小企业会计准则 2013) is extended and
 * overridden by {@code accounts}.
 *
 * @param company         currency, precision, default VAT rate
 * @param accounts        accounts to add to or override in the default chart
 * @param openingBalances balances (debit minus credit) before the first event
 * @param openingStock    stock on hand before the first event; must match the stock accounts
 * @param closedPeriods   months ({@code yyyy-MM}) already closed
 * @param postingRules    account mapping overrides
 * @param approvalRule    e.g. {@code amount <= 5000: deptHead -> finance; amount > 5000: ... -> GM}
 * @param settings        valuation, reversal style, tax rounding
 * @param items           per-item stock account overrides
 * @param events          business documents and actions, applied in order
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SimulationInput(
    @Nullable Company company,
    @Nullable List<AccountInput> accounts,
    @Nullable List<OpeningBalance> openingBalances,
    @Nullable List<OpeningStock> openingStock,
    @Nullable List<String> closedPeriods,
    @Nullable PostingRulesInput postingRules,
    @Nullable String approvalRule,
    @Nullable LedgerSettings settings,
    @Nullable List<ItemInput> items,
    @Nullable List<LedgerEvent> events) {

  /** This input with other settings (used to run a case's variants). */
  public SimulationInput withSettings(LedgerSettings newSettings) {
    return new SimulationInput(company, accounts, openingBalances, openingStock, closedPeriods,
        postingRules, approvalRule, newSettings, items, events);
  }

  /** Company facts; only {@code vatRate} changes postings (CNY, 2 decimals, HALF_UP are fixed). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Company(
      @Nullable String currency, @Nullable Integer amountPrecision, @Nullable String rounding,
      @Nullable BigDecimal vatRate, @Nullable String standard) {}

  /** One account of the chart; absent flags are inherited from the default chart. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record AccountInput(
      String code, @Nullable String nameZh, @Nullable String name, @Nullable String type,
      @Nullable Boolean postable, @Nullable Boolean partyRequired) {}

  /** Balance of an account (debit minus credit), optionally per party or department. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record OpeningBalance(
      String account, BigDecimal balance, @Nullable String party, @Nullable String dept) {}

  /** Stock on hand at the start, valued as one layer. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record OpeningStock(
      String item, @Nullable String warehouse, BigDecimal qty, BigDecimal value,
      @Nullable String account) {}

  /** Item master data that posting needs. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ItemInput(String code, @Nullable String stockAccount) {}

  /** Account mapping overrides of the posting rules; {@code null} keeps the default. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record PostingRulesInput(
      @Nullable Map<String, String> expenseCategory,
      @Nullable String advanceAccount,
      @Nullable String reimbursementPayable,
      @Nullable String stockAccount,
      @Nullable String grniAccount,
      @Nullable String payableAccount,
      @Nullable String prepaymentAccount,
      @Nullable String receivableAccount,
      @Nullable String revenueAccount,
      @Nullable String cogsAccount,
      @Nullable String inputVatAccount,
      @Nullable String outputVatAccount,
      @Nullable String bankAccount,
      @Nullable String stockDifferenceAccount,
      @Nullable String stockLossAccount,
      @Nullable String stockGainAccount,
      @Nullable String profitAccount,
      @Nullable String retainedEarningsAccount) {}
}
