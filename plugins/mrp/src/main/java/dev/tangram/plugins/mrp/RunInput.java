package dev.tangram.plugins.mrp;

import org.jspecify.annotations.Nullable;

/**
 * Input of the {@code run} action. Either an existing {@code mrp_run} record (its settings are used
 * and it receives the results) or settings for a new one.
 *
 * @param runId     an {@code mrp_run} record to run; absent: a new one is created
 * @param runDate   first day of period 1 ({@code yyyy-MM-dd}); default the record's, else today
 * @param bucket    {@code week} (default) or {@code day}
 * @param periods   horizon in buckets; default the record's, else 8
 * @param warehouse a {@code warehouse} record id: only its stock and forecasts count (default: all)
 */
public record RunInput(
    @Nullable String runId, @Nullable String runDate, @Nullable String bucket, @Nullable Integer periods,
    @Nullable String warehouse, @Nullable Boolean useSafetyStock) {}
