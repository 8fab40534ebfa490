package dev.tangram.plugins.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Output of the {@code simulate} action, in the shape of a reference case's {@code expected} block.
 * Balances are debit minus credit; keys of {@code partyBalances} are {@code account/party}, of
 * {@code stock} {@code item@warehouse}, of {@code dimensionBalances} account then department.
 *
 * @param vouchers          every voucher posted, in posting order
 * @param voucherStatus     {@code posted}, {@code reversed} or {@code posted (reversalOf Vn)}
 * @param closingBalances   per account with a non-zero balance or any movement
 * @param trialBalance      sums of debit and credit balances
 * @param periodTurnover    debit and credit turnover of all vouchers posted by the events
 * @param stock             closing stock per item and warehouse
 * @param stockLedger       the position after each stock movement
 * @param openItems         {@code supplier S}, {@code customer C}, {@code GRNI <receipt>} still open
 * @param invoiceTotals     per invoice number
 * @param approvalPath      approval steps each expense claim needed
 * @param events            what happened to each event
 * @param rejections        the refused events, with their error code
 * @param statements        profit and loss, balance sheet
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SimulationResult(
    List<VoucherView> vouchers,
    Map<String, String> voucherStatus,
    Map<String, BigDecimal> closingBalances,
    Map<String, BigDecimal> partyBalances,
    Map<String, Map<String, BigDecimal>> dimensionBalances,
    TrialBalance trialBalance,
    Turnover periodTurnover,
    Map<String, StockView> stock,
    List<StockLedgerEntry> stockLedger,
    Map<String, BigDecimal> openItems,
    Map<String, InvoiceTotals> invoiceTotals,
    Map<String, List<String>> approvalPath,
    List<EventOutcome> events,
    List<Rejection> rejections,
    Statements statements) {

  /** A posted voucher. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record VoucherView(
      String id, String no, String date, String period, String source, String status,
      @Nullable String reversalOf, List<LineView> lines, BigDecimal totalDebit,
      BigDecimal totalCredit) {}

  /** A voucher line with its party and dimensions flattened. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record LineView(
      String account, BigDecimal debit, BigDecimal credit, @Nullable String party,
      @Nullable String dept, @Nullable String project, @Nullable String item,
      @Nullable String warehouse) {}

  /** Totals of debit balances and of credit balances (absolute). */
  public record TrialBalance(BigDecimal totalDebit, BigDecimal totalCredit) {}

  /** Sum of debit and of credit amounts posted. */
  public record Turnover(BigDecimal debit, BigDecimal credit) {}

  /** Stock of one item in one warehouse; {@code layers} ({@code [qty, unitCost]}) under FIFO. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record StockView(
      BigDecimal qty, BigDecimal value, @Nullable BigDecimal unitCost,
      @Nullable List<List<BigDecimal>> layers) {}

  /** The stock position right after a document moved it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record StockLedgerEntry(
      String after, String item, String warehouse, BigDecimal qtyChange, BigDecimal valueChange,
      BigDecimal qty, BigDecimal value, @Nullable BigDecimal unitCost,
      @Nullable List<List<BigDecimal>> layers) {}

  /** Net, tax and gross of an invoice; {@code lineTax} under per-line rounding. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record InvoiceTotals(
      BigDecimal net, BigDecimal tax, BigDecimal gross, @Nullable List<BigDecimal> lineTax) {}

  /** What one event did: its status, the vouchers it posted, or why it was refused. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record EventOutcome(
      @Nullable Integer seq, String subject, String status, List<String> newVouchers,
      @Nullable LedgerError error) {}

  /** A refused event. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Rejection(
      @Nullable Integer seq, String subject, String code, @Nullable String field, String message) {}

  /** Simple statements; {@code equity} includes the profit not yet carried to 3103. */
  public record Statements(
      BigDecimal income, BigDecimal expenses, BigDecimal netProfit, BigDecimal assets,
      BigDecimal liabilities, BigDecimal equity) {}
}
