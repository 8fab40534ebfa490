package dev.tangram.plugins.ledger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One business document ({@code doc} set, e.g. {@code goodsReceipt}) or one action on earlier ones
 * ({@code action} set: {@code cancel}, {@code reverse}, {@code delete}, {@code closePeriod},
 * {@code reopenPeriod}, {@code ledger.postExpense}…). Which fields matter depends on the document;
 * {@code expect} is the reference case's assertion and is ignored by the ledger. Action
 * {@code repost} carries the edited document itself (its {@code doc}, {@code no}, lines…) and
 * {@code correctedOn}, the day of the correction.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LedgerEvent(
    @Nullable Integer seq,
    @Nullable String date,
    @Nullable String doc,
    @Nullable String no,
    @Nullable String action,
    @Nullable String target,
    @Nullable String period,
    @Nullable String correctedOn,
    @Nullable String supplier,
    @Nullable String customer,
    @Nullable String employee,
    @Nullable String dept,
    @Nullable String po,
    @Nullable String receipt,
    @Nullable String invoice,
    @Nullable String delivery,
    @Nullable String claim,
    @Nullable String advance,
    @Nullable String count,
    @Nullable String warehouse,
    @Nullable String fromWarehouse,
    @Nullable String toWarehouse,
    @Nullable BigDecimal amount,
    @Nullable String bankAccount,
    @Nullable String paidFrom,
    @Nullable String account,
    @Nullable String creditAccount,
    @Nullable Boolean prepayment,
    @Nullable String status,
    @Nullable List<String> approvals,
    @Nullable List<Share> shares,
    @Nullable List<Line> lines,
    @Nullable Map<String, Object> expect) {

  /** A document line; which fields matter depends on the document. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Line(
      @Nullable String item,
      @Nullable String warehouse,
      @Nullable BigDecimal qty,
      @Nullable BigDecimal unitCost,
      @Nullable BigDecimal price,
      @Nullable BigDecimal vatRate,
      @Nullable BigDecimal amount,
      @Nullable BigDecimal vat,
      @Nullable String category,
      @Nullable String desc,
      @Nullable String account,
      @Nullable String stockAccount,
      @Nullable BigDecimal debit,
      @Nullable BigDecimal credit,
      @Nullable String party,
      @Nullable String dept,
      @Nullable String project,
      @Nullable BigDecimal countedQty,
      @Nullable String summary) {}

  /** A share of a cost allocation; {@code ratio} is a fraction ({@code 1/3}) or a decimal. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Share(@Nullable String dept, @Nullable String project, String ratio) {}
}
