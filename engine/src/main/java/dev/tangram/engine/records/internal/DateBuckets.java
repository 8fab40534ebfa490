package dev.tangram.engine.records.internal;

import dev.tangram.engine.records.AggregateResult.Group;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * Day, ISO-week and month buckets of dates, all in UTC. Keys are {@code 2026-11-23},
 * {@code 2026-W48} and {@code 2026-11}, so text order is time order.
 */
final class DateBuckets {

  /** Beyond this many buckets between the first and the last, gaps are not filled. */
  private static final int MAX_FILLED = 400;

  private DateBuckets() {}

  static boolean isTemporal(QueryField field) {
    return "instant".equals(field.kind())
        || field.definition() != null && List.of("date", "datetime").contains(field.definition().type());
  }

  /** The expression of the day of a value: system instants are BSON dates, date fields ISO text. */
  static Object dayExpression(QueryField field) {
    String path = "$" + field.path();
    if ("instant".equals(field.kind())) {
      return new Document("$dateToString", new Document("format", "%Y-%m-%d").append("date", path));
    }
    return new Document("$substr", List.of(path, 0, 10));
  }

  static String fold(String day, String bucket) {
    LocalDate date = LocalDate.parse(day);
    return switch (bucket) {
      case "week" -> weekKey(date);
      case "month" -> YearMonth.from(date).toString();
      default -> day;
    };
  }

  private static String weekKey(LocalDate date) {
    return String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /** The groups in time order, buckets without records added with zero, "no value" last. */
  static List<Group> inOrder(Map<@Nullable String, Group> groups, String bucket) {
    List<String> keys = groups.keySet().stream().filter(k -> k != null).map(String.class::cast).sorted().toList();
    List<Group> ordered = new ArrayList<>();
    if (!keys.isEmpty()) {
      for (String key : filled(keys.getFirst(), keys.getLast(), bucket, keys)) {
        ordered.add(groups.getOrDefault(key, new Group(key, BigDecimal.ZERO, 0)));
      }
    }
    if (groups.containsKey(null)) {
      ordered.add(groups.get(null));
    }
    return ordered;
  }

  private static List<String> filled(String first, String last, String bucket, List<String> present) {
    LocalDate from = start(first, bucket);
    LocalDate to = start(last, bucket);
    ChronoUnit unit = switch (bucket) {
      case "week" -> ChronoUnit.WEEKS;
      case "month" -> ChronoUnit.MONTHS;
      default -> ChronoUnit.DAYS;
    };
    if (unit.between(from, to) > MAX_FILLED) {
      return present;
    }
    List<String> keys = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plus(1, unit)) {
      keys.add(fold(d.toString(), bucket));
    }
    return keys;
  }

  private static LocalDate start(String key, String bucket) {
    return switch (bucket) {
      case "week" -> LocalDate.of(Integer.parseInt(key.substring(0, 4)), 6, 1)
          .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Long.parseLong(key.substring(6)))
          .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case "month" -> YearMonth.parse(key).atDay(1);
      default -> LocalDate.parse(key);
    };
  }
}
