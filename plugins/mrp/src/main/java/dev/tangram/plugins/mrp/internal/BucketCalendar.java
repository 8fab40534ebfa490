package dev.tangram.plugins.mrp.internal;

import dev.tangram.plugins.mrp.MrpInputException;
import dev.tangram.plugins.mrp.PlanningCalendar;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/** Maps dates to 1-based periods and back; weekly or daily buckets. */
final class BucketCalendar {

  /** Returned by {@link #periodOf} for dates after the horizon: they are not planned. */
  static final int BEYOND_HORIZON = -1;

  private final LocalDate period1Start;
  private final int bucketDays;
  private final int periods;
  private final LocalDate[] periodStarts;

  BucketCalendar(@Nullable PlanningCalendar calendar) {
    PlanningCalendar checked = Checks.present(calendar, "calendar", "The calendar");
    this.period1Start = Checks.present(checked.period1Start(), "calendar.period1Start", "calendar.period1Start");
    this.bucketDays = checked.bucket() == null ? 7 : checked.bucket().days();
    this.periods = checked.periods();
    if (periods < 1) {
      throw new MrpInputException(
          MrpInputException.MISSING_VALUE, "calendar.periods", "The calendar needs at least one period, not " + periods);
    }
    periodStarts = new LocalDate[periods];
    for (int p = 1; p <= periods; p++) {
      periodStarts[p - 1] = period1Start.plusDays((long) (p - 1) * bucketDays);
    }
  }

  int periods() {
    return periods;
  }

  /** First day of {@code period}; periods below 1 lie before the horizon. */
  LocalDate startOf(int period) {
    if (period >= 1 && period <= periods) {
      return periodStarts[period - 1]; // shared instances: millions of planned orders, few dates
    }
    return period1Start.plusDays((long) (period - 1) * bucketDays);
  }

  /** The period a date falls in; dates before period 1 are past due and fall in period 1. */
  int periodOf(LocalDate date) {
    long days = ChronoUnit.DAYS.between(period1Start, date);
    if (days < 0) {
      return 1;
    }
    long period = days / bucketDays + 1;
    return period > periods ? BEYOND_HORIZON : (int) period;
  }

  /** A period given as a number: below 1 is past due (period 1), after the horizon is dropped. */
  int clamp(int period) {
    if (period > periods) {
      return BEYOND_HORIZON;
    }
    return Math.max(period, 1);
  }
}
