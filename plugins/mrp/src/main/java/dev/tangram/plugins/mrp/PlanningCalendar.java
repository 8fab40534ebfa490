package dev.tangram.plugins.mrp;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The time buckets of a run. Period {@code p} starts on {@code period1Start + (p - 1)} bucket
 * lengths; anything dated before period 1 is past due and falls in period 1.
 *
 * @param bucket       bucket length; weekly when absent
 * @param periods      number of buckets in the horizon, at least 1
 * @param period1Start first day of period 1
 * @param runDate      day the run is made for; {@code period1Start} when absent
 */
public record PlanningCalendar(
    @Nullable Bucket bucket, int periods, LocalDate period1Start, @Nullable LocalDate runDate) {

  public PlanningCalendar {
    if (bucket == null) {
      bucket = Bucket.WEEK;
    }
    if (runDate == null) {
      runDate = period1Start;
    }
  }

  /** Length of one bucket. Lead times are counted in buckets, so daily planning uses calendar days. */
  public enum Bucket {
    WEEK(7),
    DAY(1);

    private final int days;

    Bucket(int days) {
      this.days = days;
    }

    /** Calendar days in one bucket. */
    public int days() {
      return days;
    }

    @JsonValue
    String json() {
      return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    static Bucket fromJson(String value) {
      return switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "week", "weekly", "w" -> WEEK;
        case "day", "daily", "d" -> DAY;
        default -> throw new IllegalArgumentException("Unknown bucket '" + value + "' (week | day)");
      };
    }
  }
}
