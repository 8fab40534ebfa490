package dev.tangram.plugins.ledger.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * 结转损益: every income and expense balance (per party and dimension, so nothing is left behind on
 * an analysis line) is carried to 3103 本年利润 on the last day of the month. In December a second
 * voucher carries the year's 3103 balance to 3104 利润分配.
 */
final class PeriodCloser {

  static final String DOCUMENT_PREFIX = "CLOSE-";

  private record Bucket(String account, String party, Dimensions dims) {}

  private PeriodCloser() {}

  static List<VoucherDraft> closingVouchers(YearMonth period, Journal journal, List<VoucherLine> openings,
      ChartOfAccounts chart, PostingRules rules) {
    LocalDate end = period.atEndOfMonth();
    String document = DOCUMENT_PREFIX + period;
    Map<Bucket, BigDecimal> pl = new LinkedHashMap<>();
    BigDecimal profitAccount = BigDecimal.ZERO;
    List<VoucherLine> all = new ArrayList<>(openings);
    journal.all().stream().filter(v -> !v.date().isAfter(end)).forEach(v -> all.addAll(v.lines()));
    for (VoucherLine line : all) {
      boolean isPl = chart.find(line.account()).map(a -> a.type().isProfitAndLoss()).orElse(false);
      if (isPl) pl.merge(new Bucket(line.account(), Objects.toString(line.party(), ""), line.dims()), line.balance(), BigDecimal::add);
      if (line.account().equals(rules.profit())) profitAccount = profitAccount.add(line.balance());
    }
    List<VoucherLine> lines = new ArrayList<>();
    BigDecimal net = BigDecimal.ZERO;
    for (var entry : pl.entrySet()) {
      BigDecimal balance = entry.getValue();
      if (balance.signum() == 0) continue;
      Bucket b = entry.getKey();
      String party = b.party().isEmpty() ? null : b.party();
      lines.add(balance.signum() > 0 ? VoucherLine.credit(b.account(), balance, party, b.dims())
          : VoucherLine.debit(b.account(), balance.negate(), party, b.dims()));
      net = net.add(balance);
    }
    if (net.signum() != 0) {
      lines.add(net.signum() > 0 ? VoucherLine.debit(rules.profit(), net, null, Dimensions.NONE)
          : VoucherLine.credit(rules.profit(), net.negate(), null, Dimensions.NONE));
    }
    List<VoucherDraft> drafts = new ArrayList<>();
    if (!lines.isEmpty()) drafts.add(VoucherDraft.of(end, document, lines, List.of()));
    BigDecimal yearProfit = profitAccount.add(net);
    if (period.getMonthValue() == 12 && yearProfit.signum() != 0) {
      drafts.add(VoucherDraft.of(end, document, List.of(
          new VoucherLine(rules.profit(), yearProfit.signum() < 0 ? yearProfit.negate() : Amounts.ZERO,
              yearProfit.signum() > 0 ? yearProfit : Amounts.ZERO, null, Dimensions.NONE),
          new VoucherLine(rules.retainedEarnings(), yearProfit.signum() > 0 ? yearProfit : Amounts.ZERO,
              yearProfit.signum() < 0 ? yearProfit.negate() : Amounts.ZERO, null, Dimensions.NONE)), List.of()));
    }
    return drafts;
  }
}
