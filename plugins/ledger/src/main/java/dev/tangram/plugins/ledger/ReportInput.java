package dev.tangram.plugins.ledger;

import org.jspecify.annotations.Nullable;

/**
 * Input of {@code report}.
 *
 * @param report  {@code trialBalance}, {@code profitAndLoss} (months {@code from}..{@code to}),
 *                {@code balanceSheet} (at {@code asOf}), {@code generalLedger} (of {@code account}),
 *                {@code vouchers} (months {@code from}..{@code to}), {@code stock}, {@code accounts}
 * @param from    first month {@code yyyy-MM}; default the first with postings
 * @param to      last month {@code yyyy-MM}; default {@code from}, or the current month
 * @param asOf    a day {@code yyyy-MM-dd}; default today
 */
public record ReportInput(
    String report, @Nullable String from, @Nullable String to, @Nullable String asOf, @Nullable String account) {}
