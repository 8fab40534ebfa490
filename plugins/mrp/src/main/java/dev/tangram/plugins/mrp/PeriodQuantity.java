package dev.tangram.plugins.mrp;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A quantity of an item in one bucket: independent demand, a forecast or a scheduled receipt.
 * Either {@code period} (1-based; below 1 is past due) or {@code date} places it in a bucket.
 *
 * @param item   item code
 * @param period bucket number, when not given by date
 * @param date   day the quantity is due, when not given by period
 * @param qty    the quantity, not negative
 * @param source where it comes from (document number, forecast name), informative
 */
public record PeriodQuantity(
    String item,
    @Nullable Integer period,
    @JsonAlias({"dueDate", "week"}) @Nullable LocalDate date,
    BigDecimal qty,
    @Nullable String source) {}
