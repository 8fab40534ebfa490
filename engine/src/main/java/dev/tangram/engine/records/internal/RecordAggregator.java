package dev.tangram.engine.records.internal;

import com.mongodb.client.model.Filters;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.records.AggregateResult;
import dev.tangram.engine.records.AggregateResult.Group;
import dev.tangram.engine.records.RecordAggregate;
import dev.tangram.engine.records.RecordQuery;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.jspecify.annotations.Nullable;

/**
 * Runs a {@link RecordAggregate} as one MongoDB aggregation ({@code $match}, {@code $unwind} for
 * multiselect, {@code $group} with {@code $sum}), so only one document per group leaves the
 * database. Dates are grouped by day in the database and folded into weeks or months here, because
 * mongo-java-server (the embedded store) has neither {@code $dateTrunc} nor ISO-week formats.
 */
public final class RecordAggregator {

  private RecordAggregator() {}

  /** The fields an aggregate may group by or add up, checked against the form; every problem listed. */
  public record Plan(Bson match, @Nullable QueryField sum, @Nullable QueryField groupBy, @Nullable String bucket) {}

  /** Checks the aggregate against the form: unknown fields, fields that cannot be added or grouped, bad filters. */
  public static Plan plan(FormDefinition form, RecordAggregate aggregate) {
    List<FieldError> errors = new ArrayList<>();
    Bson match = Filters.empty();
    try {
      match = RecordQueryTranslator.translate(form, new RecordQuery(aggregate.filters(), List.of(), 0, 1)).filter();
    } catch (ValidationException e) {
      errors.addAll(e.errors());
    }
    QueryField sum = aggregate.sum() == null ? null : sumField(form, aggregate.sum(), errors);
    QueryField groupBy = null;
    String bucket = null;
    if (aggregate.groupBy() != null) {
      String[] parts = aggregate.groupBy().split(":", 2);
      groupBy = groupField(form, parts[0], errors);
      bucket = parts.length > 1 ? parts[1] : null;
      if (groupBy != null && DateBuckets.isTemporal(groupBy)) {
        bucket = bucket == null ? "day" : bucket;
        if (!RecordAggregate.BUCKETS.contains(bucket)) {
          errors.add(new FieldError("groupBy", "bucket", "Group dates by day, week or month, not '" + bucket + "'"));
        }
      } else if (groupBy != null && bucket != null) {
        errors.add(new FieldError("groupBy", "bucket", "Only dates can be grouped by " + bucket + "; '" + parts[0] + "' is not a date"));
      }
    }
    if (aggregate.limit() < 1 || aggregate.limit() > RecordAggregate.MAX_GROUPS) {
      errors.add(new FieldError("limit", "range", "'limit' must be between 1 and " + RecordAggregate.MAX_GROUPS));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return new Plan(match, sum, groupBy, bucket);
  }

  private static @Nullable QueryField sumField(FormDefinition form, String name, List<FieldError> errors) {
    QueryField field = QueryField.resolve(form, name).orElse(null);
    if (field == null || !field.sortable()) {
      errors.add(new FieldError("field", "unknownField", "Form '" + form.key() + "' has no field '" + name + "' to add up"));
      return null;
    }
    if (field.definition() == null || !"decimal".equals(field.kind())) {
      errors.add(new FieldError("field", "notNumeric", "Only number and money fields can be added up, not '" + name + "'"));
      return null;
    }
    return field;
  }

  private static @Nullable QueryField groupField(FormDefinition form, String name, List<FieldError> errors) {
    QueryField field = QueryField.resolve(form, name).orElse(null);
    if (field == null || !field.sortable()) {
      errors.add(new FieldError("groupBy", "unknownField", "Form '" + form.key() + "' has no field '" + name + "' to group by"));
      return null;
    }
    if (List.of("file", "id").contains(field.kind()) || field.definition() != null && "textarea".equals(field.definition().type())) {
      errors.add(new FieldError("groupBy", "notGroupable", "Records cannot be grouped by '" + name + "'"));
      return null;
    }
    return field;
  }

  /** The problems of a list query's filters and sort, for checking saved list views. */
  public static List<FieldError> queryProblems(FormDefinition form, RecordQuery query) {
    try {
      RecordQueryTranslator.translate(form, query);
      return List.of();
    } catch (ValidationException e) {
      return e.errors();
    }
  }

  /** The aggregation pipeline of a checked plan, within {@code rows} (null: every row). */
  public static List<Bson> pipeline(Plan plan, @Nullable Bson rows) {
    List<Bson> stages = new ArrayList<>();
    stages.add(new Document("$match", rows == null ? plan.match() : Filters.and(plan.match(), rows)));
    Object key = null;
    if (plan.groupBy() != null) {
      String path = "$" + plan.groupBy().path();
      if (plan.groupBy().definition() != null && "multiselect".equals(plan.groupBy().definition().type())) {
        stages.add(new Document("$unwind", new Document("path", path).append("preserveNullAndEmptyArrays", true)));
      }
      key = DateBuckets.isTemporal(plan.groupBy()) ? DateBuckets.dayExpression(plan.groupBy()) : path;
    }
    Document group = new Document("_id", key).append("n", new Document("$sum", 1));
    if (plan.sum() != null) {
      group.append("s", new Document("$sum", "$" + plan.sum().path()));
    }
    stages.add(new Document("$group", group));
    return stages;
  }

  /** Turns the rows {@code $group} answered into the result: buckets folded, sorted, limited. */
  public static AggregateResult result(Plan plan, Iterable<Document> rows, int limit) {
    Map<@Nullable String, Group> groups = new java.util.LinkedHashMap<>();
    BigDecimal value = BigDecimal.ZERO;
    long count = 0;
    for (Document row : rows) {
      long n = ((Number) row.get("n")).longValue();
      BigDecimal v = plan.sum() == null ? BigDecimal.valueOf(n) : decimal(row.get("s"));
      String key = keyOf(row.get("_id"));
      if (key != null && plan.bucket() != null) {
        key = DateBuckets.fold(key, plan.bucket());
      }
      groups.merge(key, new Group(key, v, n), (a, b) -> new Group(a.key(), a.value().add(b.value()), a.count() + b.count()));
      value = value.add(v);
      count += n;
    }
    if (plan.groupBy() == null) {
      return new AggregateResult(value, count, List.of(), null);
    }
    if (plan.bucket() != null) { // a time series keeps its latest buckets
      List<Group> series = DateBuckets.inOrder(groups, plan.bucket());
      int cut = Math.max(0, series.size() - (groups.containsKey(null) ? 1 : 0) - limit);
      return new AggregateResult(value, count, series.subList(cut, series.size()), cut == 0 ? null : sum(series.subList(0, cut)));
    }
    List<Group> sorted = bySize(groups);
    return sorted.size() <= limit ? new AggregateResult(value, count, sorted, null)
        : new AggregateResult(value, count, sorted.subList(0, limit), sum(sorted.subList(limit, sorted.size())));
  }

  private static Group sum(List<Group> groups) {
    return new Group(null, groups.stream().map(Group::value).reduce(BigDecimal.ZERO, BigDecimal::add),
        groups.stream().mapToLong(Group::count).sum());
  }

  private static List<Group> bySize(Map<@Nullable String, Group> groups) {
    List<Group> sorted = new ArrayList<>(groups.values());
    sorted.sort((a, b) -> {
      if ((a.key() == null) != (b.key() == null)) {
        return a.key() == null ? 1 : -1; // "no value" last
      }
      int c = b.value().compareTo(a.value());
      return c != 0 ? c : String.valueOf(a.key()).compareTo(String.valueOf(b.key()));
    });
    return sorted;
  }

  private static @Nullable String keyOf(@Nullable Object id) {
    return switch (id) {
      case null -> null;
      case String s when s.isEmpty() -> null;
      case Decimal128 d -> d.bigDecimalValue().stripTrailingZeros().toPlainString();
      default -> String.valueOf(id);
    };
  }

  static BigDecimal decimal(@Nullable Object value) {
    return switch (value) {
      case null -> BigDecimal.ZERO;
      case Decimal128 d -> d.bigDecimalValue();
      case BigDecimal b -> b;
      case Integer i -> BigDecimal.valueOf(i);
      case Long l -> BigDecimal.valueOf(l);
      default -> new BigDecimal(value.toString());
    };
  }
}
