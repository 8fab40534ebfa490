package dev.tangram.engine.records.internal;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.records.RecordQuery;
import dev.tangram.engine.records.RecordQuery.Filter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.conversions.Bson;

/**
 * Turns a {@link RecordQuery} into a MongoDB filter and sort, with every problem reported as a
 * field error: unknown fields, unknown operators, values of the wrong type. Only the allow-listed
 * operators are ever emitted, with values converted to the field's stored type.
 */
final class RecordQueryTranslator {

  static final int MAX_FILTERS = 20;
  static final int MAX_SORT_KEYS = 3;

  record Translated(Bson filter, Bson sort) {}

  private RecordQueryTranslator() {}

  static Translated translate(FormDefinition form, RecordQuery query) {
    List<FieldError> errors = new ArrayList<>();
    if (query.page() < 0) {
      errors.add(new FieldError("page", "min", "'page' starts at 0"));
    }
    if (query.size() < 1 || query.size() > RecordQuery.MAX_SIZE) {
      errors.add(new FieldError("size", "range", "'size' must be between 1 and " + RecordQuery.MAX_SIZE));
    }
    if (query.filters().size() > MAX_FILTERS) {
      errors.add(new FieldError("filter", "maxItems", "At most " + MAX_FILTERS + " filters"));
    }
    List<Bson> conditions = new ArrayList<>();
    for (int i = 0; i < query.filters().size(); i++) {
      Bson condition = condition(form, query.filters().get(i), "filter[" + i + "]", errors);
      if (condition != null) {
        conditions.add(condition);
      }
    }
    Bson sort = sort(form, query.sort(), errors);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return new Translated(conditions.isEmpty() ? Filters.empty() : Filters.and(conditions), sort);
  }

  private static Bson condition(FormDefinition form, Filter filter, String at, List<FieldError> errors) {
    QueryField field = QueryField.resolve(form, filter.field()).orElse(null);
    if (field == null) {
      errors.add(new FieldError(at + ".field", "unknownField", "Form '" + form.key() + "' has no field '" + filter.field() + "' to filter on"));
      return null;
    }
    if (!Filter.OPS.contains(filter.op())) {
      errors.add(new FieldError(at + ".op", "unknownOp", "Unknown operator '" + filter.op() + "'; use one of " + String.join(", ", Filter.OPS)));
      return null;
    }
    int before = errors.size();
    FilterValues values = new FilterValues(field, at + ".value", errors);
    String path = field.path();
    Bson bson = switch (filter.op()) {
      case "eq" -> Filters.eq(path, values.one(filter.value()));
      case "ne" -> Filters.ne(path, values.one(filter.value()));
      case "gt" -> Filters.gt(path, values.ordered(filter.value()));
      case "gte" -> Filters.gte(path, values.ordered(filter.value()));
      case "lt" -> Filters.lt(path, values.ordered(filter.value()));
      case "lte" -> Filters.lte(path, values.ordered(filter.value()));
      case "in" -> Filters.in(path, values.list(filter.value()));
      case "nin" -> Filters.nin(path, values.list(filter.value()));
      case "between" -> {
        List<Object> range = values.range(filter.value());
        yield range.size() == 2 ? Filters.and(Filters.gte(path, range.get(0)), Filters.lte(path, range.get(1))) : null;
      }
      case "contains" -> Filters.regex(path, Pattern.quote(values.text(filter.value())), "i");
      case "startsWith" -> Filters.regex(path, "^" + Pattern.quote(values.text(filter.value())));
      case "empty" -> values.flag(filter.value())
          ? Filters.or(Filters.exists(path, false), Filters.eq(path, null), Filters.eq(path, ""), Filters.size(path, 0))
          : Filters.and(Filters.exists(path, true), Filters.ne(path, null), Filters.ne(path, ""), Filters.not(Filters.size(path, 0)));
      default -> null;
    };
    return errors.size() > before ? null : bson;
  }

  private static Bson sort(FormDefinition form, List<String> keys, List<FieldError> errors) {
    if (keys.size() > MAX_SORT_KEYS) {
      errors.add(new FieldError("sort", "maxItems", "Sort by at most " + MAX_SORT_KEYS + " fields"));
    }
    List<Bson> sorts = new ArrayList<>();
    boolean byId = false;
    for (String key : keys) {
      boolean descending = key.startsWith("-");
      String name = descending ? key.substring(1) : key;
      QueryField field = QueryField.resolve(form, name).filter(QueryField::sortable).orElse(null);
      if (field == null) {
        errors.add(new FieldError("sort", "unknownField", "Cannot sort by '" + name + "': form '" + form.key() + "' has no such field"));
        continue;
      }
      byId |= "_id".equals(field.path());
      sorts.add(descending ? Sorts.descending(field.path()) : Sorts.ascending(field.path()));
    }
    if (!byId) {
      sorts.add(Sorts.descending("_id")); // newest first, and a stable order for paging
    }
    return Sorts.orderBy(sorts);
  }
}
