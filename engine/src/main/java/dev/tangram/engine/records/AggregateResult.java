package dev.tangram.engine.records;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a {@link RecordAggregate}: exact decimals (sums of money stay exact).
 *
 * @param value  the count or sum over every matching record
 * @param count  how many records matched
 * @param groups one entry per group value, date buckets in time order (gaps filled with zero),
 *               other groups largest first; a record without a value is in the group with a null key
 * @param other  the groups beyond the limit (of date buckets: the earlier ones) added up, or null
 *               when none were left out
 */
public record AggregateResult(BigDecimal value, long count, List<Group> groups, @Nullable Group other) {

  public AggregateResult {
    groups = List.copyOf(groups);
  }

  /**
   * @param key the group's value as text ({@code 2026-11-23}, {@code 2026-W48}, {@code 2026-11} for
   *            date buckets; {@code true}/{@code false}; an option's value), null for "no value"
   */
  public record Group(@Nullable String key, BigDecimal value, long count) {}
}
