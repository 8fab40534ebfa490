package dev.tangram.engine.webhooks.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * When to try again: the configured delays with random jitter (so receivers coming back are not hit
 * by every sender at once), or what the receiver asked for with {@code Retry-After}, capped at a day.
 */
public final class RetrySchedule {

  private static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

  private final List<Duration> delays;
  private final double jitter;

  public RetrySchedule(List<Duration> delays, double jitter) {
    this.delays = delays;
    this.jitter = jitter;
  }

  /**
   * The next attempt after the {@code failed}-th failure of this round, or empty when the schedule
   * is used up (dead letter).
   */
  public Optional<Instant> next(int failed, Instant now, @Nullable String retryAfter) {
    if (failed > delays.size()) {
      return Optional.empty();
    }
    Duration asked = parseRetryAfter(retryAfter, now);
    if (asked != null) {
      return Optional.of(now.plus(asked));
    }
    Duration delay = delays.get(failed - 1);
    double factor = 1 + (jitter == 0 ? 0 : ThreadLocalRandom.current().nextDouble(-jitter, jitter));
    return Optional.of(now.plusMillis(Math.round(delay.toMillis() * factor)));
  }

  /** Seconds or an HTTP date; null if absent or unreadable. */
  static @Nullable Duration parseRetryAfter(@Nullable String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Duration asked;
    try {
      asked = Duration.ofSeconds(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      try {
        asked = Duration.between(now, ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
    if (asked.isNegative()) {
      return Duration.ZERO;
    }
    return asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
  }
}
