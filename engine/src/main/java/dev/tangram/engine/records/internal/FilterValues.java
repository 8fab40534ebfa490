package dev.tangram.engine.records.internal;

import dev.tangram.engine.common.Decimals;
import dev.tangram.engine.common.FieldError;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Converts filter values to the stored type of their field, noting values of the wrong type. */
final class FilterValues {

  static final int MAX_LIST = 100;
  static final int MAX_TEXT = 200;
  private static final Pattern RELATIVE_DATE = Pattern.compile("today([+-]\\d{1,5})?");

  private final QueryField field;
  private final String at;
  private final List<FieldError> errors;

  FilterValues(QueryField field, String at, List<FieldError> errors) {
    this.field = field;
    this.at = at;
    this.errors = errors;
  }

  @Nullable Object one(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    return switch (field.kind()) {
      case "decimal" -> value.isNumber() ? Decimals.toStored(value.decimalValue()) : wrong(value, "a number");
      case "boolean" -> value.isBoolean() ? value.asBoolean() : wrong(value, "true or false");
      case "int" -> value.isIntegralNumber() ? value.asLong() : wrong(value, "a whole number");
      case "instant" -> instant(value);
      case "id" -> value.isString() && ObjectId.isValid(value.asString()) ? new ObjectId(value.asString()) : wrong(value, "a record id");
      case "file" -> wrong(value, "nothing: attachments can only be tested with 'empty'");
      default -> value.isString() && value.asString().length() <= MAX_TEXT ? relativeDate(value.asString()) : wrong(value, "text of at most " + MAX_TEXT + " characters");
    };
  }

  /**
   * On a date field, {@code today}, {@code today-14} or {@code today+7} is that day in the server's
   * time zone, so a saved view can list what is overdue without being edited every day.
   */
  private String relativeDate(String value) {
    if (field.definition() == null || !"date".equals(field.definition().type())) {
      return value;
    }
    Matcher m = RELATIVE_DATE.matcher(value);
    return m.matches() ? LocalDate.now().plusDays(m.group(1) == null ? 0 : Long.parseLong(m.group(1))).toString() : value;
  }

  @Nullable Object ordered(JsonNode value) {
    if (value == null || value.isNull() || "boolean".equals(field.kind())) {
      return wrong(value, "a value that can be compared");
    }
    return one(value);
  }

  List<Object> list(JsonNode value) {
    List<Object> values = new ArrayList<>();
    if (value == null || !value.isArray() || value.size() > MAX_LIST) {
      wrong(value, "a list of at most " + MAX_LIST + " values");
      return values;
    }
    value.forEach(v -> values.add(one(v)));
    return values;
  }

  List<Object> range(JsonNode value) {
    if (value == null || !value.isArray() || value.size() != 2) {
      wrong(value, "a list [from, to]");
      return List.of();
    }
    List<Object> range = new ArrayList<>();
    range.add(ordered(value.get(0)));
    range.add(ordered(value.get(1)));
    return range;
  }

  String text(JsonNode value) {
    if (value == null || !value.isString() || value.asString().isEmpty() || value.asString().length() > MAX_TEXT || !"string".equals(field.kind())) {
      wrong(value, "non-empty text of at most " + MAX_TEXT + " characters on a text field");
      return "";
    }
    return value.asString();
  }

  boolean flag(JsonNode value) {
    if (value == null || value.isNull()) {
      return true;
    }
    if (!value.isBoolean()) {
      wrong(value, "true or false");
      return true;
    }
    return value.asBoolean();
  }

  private @Nullable Object instant(JsonNode value) {
    try {
      return value.isString() ? Date.from(Instant.parse(value.asString())) : wrong(value, "an ISO instant such as 2026-01-31T08:00:00Z");
    } catch (DateTimeParseException e) {
      return wrong(value, "an ISO instant such as 2026-01-31T08:00:00Z");
    }
  }

  private @Nullable Object wrong(@Nullable JsonNode value, String expected) {
    errors.add(new FieldError(at, "type", "Filter value for '" + field.name() + "' must be " + expected
        + (value == null ? "" : ", not " + abbreviate(value.toString()))));
    return null;
  }


  private static String abbreviate(String text) {
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }
}
