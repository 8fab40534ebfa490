package dev.tangram.engine.views;

import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.records.RecordAggregate;
import dev.tangram.engine.views.internal.ViewQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Checks a list view ({@code {"type":"list","title","form","columns","filter","sort"}}) or a
 * dashboard ({@code {"type":"dashboard","title","widgets":[…]}}) against the app's forms and lists
 * every problem with its field, e.g. {@code widgets[1].groupBy}. A widget is
 * {@code {"type":"count|sum|group|list","title","form","field","groupBy","filter","chart","limit","columns","sort"}};
 * see docs/api.md for the rules.
 */
public final class ViewChecker {

  public static final Set<String> VIEW_TYPES = Set.of("list", "dashboard");
  public static final List<String> WIDGET_TYPES = List.of("count", "sum", "group", "list");
  public static final List<String> CHARTS = List.of("number", "bar", "line", "pie", "funnel");
  public static final Set<String> LOCALES = Set.of("en", "zh-CN");
  public static final int MAX_WIDGETS = 24;
  private static final Set<String> VIEW_ATTRIBUTES = Set.of("type", "title", "description", "form", "columns", "filter", "sort", "widgets");
  private static final Set<String> WIDGET_ATTRIBUTES = Set.of("type", "title", "form", "field", "groupBy", "filter", "chart", "limit", "columns", "sort");
  private static final Set<String> SYSTEM_COLUMNS = Set.of("_id", "status", "createdAt", "createdBy", "updatedAt", "updatedBy", "formVersion", "version");
  private static final int MAX_COLUMNS = 30;

  private final Function<String, Optional<FormDefinition>> forms;
  private final Set<String> unchecked;
  private final List<FieldError> errors = new ArrayList<>();

  /**
   * @param forms     the app's forms by key (their latest definition)
   * @param unchecked forms that exist but whose definition is broken (their problems are reported
   *                  elsewhere): parts of views on them are not checked further
   */
  private ViewChecker(Function<String, Optional<FormDefinition>> forms, Set<String> unchecked) {
    this.forms = forms;
    this.unchecked = unchecked;
  }

  /** Every problem of {@code view}; empty when it is fine. */
  public static List<FieldError> check(JsonNode view, Function<String, Optional<FormDefinition>> forms, Set<String> unchecked) {
    ViewChecker checker = new ViewChecker(forms, unchecked);
    checker.view(view);
    return List.copyOf(checker.errors);
  }

  private void view(JsonNode view) {
    if (!view.isObject()) {
      errors.add(new FieldError("", "type", "A view is a JSON object"));
      return;
    }
    attributes(view, "", VIEW_ATTRIBUTES);
    title(view, "");
    String type = view.path("type").asString("");
    if (!VIEW_TYPES.contains(type)) {
      errors.add(new FieldError("type", "unknownType", "A view is of type list or dashboard, not '" + type + "'"));
    } else if (type.equals("list")) {
      form(view, "").ifPresent(form -> list(view, "", form));
    } else {
      JsonNode widgets = view.path("widgets");
      if (!widgets.isArray() || widgets.isEmpty()) {
        errors.add(new FieldError("widgets", "required", "A dashboard needs a list of widgets"));
      } else if (widgets.size() > MAX_WIDGETS) {
        errors.add(new FieldError("widgets", "maxItems", "A dashboard has at most " + MAX_WIDGETS + " widgets"));
      }
      for (int i = 0; i < widgets.size(); i++) {
        widget(widgets.get(i), "widgets[" + i + "].");
      }
    }
  }

  private void widget(JsonNode widget, String at) {
    if (!widget.isObject()) {
      errors.add(new FieldError(at.substring(0, at.length() - 1), "type", "A widget is a JSON object"));
      return;
    }
    attributes(widget, at, WIDGET_ATTRIBUTES);
    title(widget, at);
    String type = widget.path("type").asString("");
    if (!WIDGET_TYPES.contains(type)) {
      errors.add(new FieldError(at + "type", "unknownType", "Widget type '" + type + "'; use one of " + String.join(", ", WIDGET_TYPES)));
      return;
    }
    Optional<FormDefinition> form = form(widget, at);
    if (type.equals("list")) {
      if (widget.has("chart")) {
        errors.add(new FieldError(at + "chart", "unknownField", "A list widget shows rows, not a chart"));
      }
      limit(widget, at, 50);
      form.ifPresent(f -> list(widget, at, f));
      return;
    }
    shape(widget, at, type);
    if (form.isPresent()) {
      for (FieldError e : ViewQueries.aggregate(widget).problems(form.get())) {
        errors.add(new FieldError(at + e.field(), e.code(), e.message()));
      }
    }
  }

  /** What a count, sum or group widget must and must not name, and which chart fits it. */
  private void shape(JsonNode widget, String at, String type) {
    boolean grouped = widget.hasNonNull("groupBy");
    if (type.equals("sum") && !widget.hasNonNull("field")) {
      errors.add(new FieldError(at + "field", "required", "A sum widget names the number or money field to add up"));
    }
    if (type.equals("count") && widget.has("field")) {
      errors.add(new FieldError(at + "field", "unknownField", "A count widget counts records; use type sum to add up a field"));
    }
    if (type.equals("group") && !grouped) {
      errors.add(new FieldError(at + "groupBy", "required", "A group widget names the field to group by"));
    }
    for (String attribute : List.of("columns", "sort")) {
      if (widget.has(attribute)) {
        errors.add(new FieldError(at + attribute, "unknownField", "Only list widgets have " + attribute));
      }
    }
    if (widget.has("chart")) {
      String chart = widget.path("chart").asString("");
      if (!CHARTS.contains(chart)) {
        errors.add(new FieldError(at + "chart", "enum", "Chart '" + chart + "'; use one of " + String.join(", ", CHARTS)));
      } else if (chart.equals("number") && grouped) {
        errors.add(new FieldError(at + "chart", "chartNeedsNoGroup", "A number card shows one total; remove groupBy or pick bar, line, pie or funnel"));
      } else if (!chart.equals("number") && !grouped && !type.equals("group")) {
        errors.add(new FieldError(at + "groupBy", "required", "A " + chart + " chart needs groupBy (a field, or a date with :day, :week or :month)"));
      }
    }
    if (widget.has("limit") && !widget.path("limit").isIntegralNumber()) {
      errors.add(new FieldError(at + "limit", "type", "'limit' is a whole number"));
    }
  }

  private void list(JsonNode node, String at, FormDefinition form) {
    JsonNode columns = node.path("columns");
    if (!columns.isArray() || columns.isEmpty()) {
      errors.add(new FieldError(at + "columns", "required", "A list names its columns"));
    } else if (columns.size() > MAX_COLUMNS) {
      errors.add(new FieldError(at + "columns", "maxItems", "A list has at most " + MAX_COLUMNS + " columns"));
    }
    for (int i = 0; i < columns.size(); i++) {
      String key = columns.get(i).asString("");
      if (!SYSTEM_COLUMNS.contains(key) && form.findField(key).isEmpty()) {
        errors.add(new FieldError(at + "columns[" + i + "]", "unknownField", "Form '" + form.key() + "' has no field '" + key + "'"));
      }
    }
    if (node.has("sort") && !node.path("sort").isString() && !node.path("sort").isArray()) {
      errors.add(new FieldError(at + "sort", "type", "'sort' is a field (-field for descending) or a list of them"));
    }
    filterShape(node, at);
    for (FieldError e : ViewQueries.list(node, 1).problems(form)) {
      errors.add(new FieldError(at + e.field(), e.code(), e.message()));
    }
  }

  private Optional<FormDefinition> form(JsonNode node, String at) {
    String key = node.path("form").asString("");
    Optional<FormDefinition> form = forms.apply(key);
    if (form.isEmpty() && !unchecked.contains(key)) {
      errors.add(key.isEmpty() ? new FieldError(at + "form", "required", "Name the form whose records this shows")
          : new FieldError(at + "form", "unknownForm", "The app has no form '" + key + "'"));
    }
    return form;
  }

  private void filterShape(JsonNode node, String at) {
    if (node.has("filter") && !node.path("filter").isArray()) {
      errors.add(new FieldError(at + "filter", "type", "'filter' is a list of {field, op, value}"));
    }
  }

  private void limit(JsonNode node, String at, int max) {
    JsonNode limit = node.get("limit");
    if (limit != null && (!limit.isIntegralNumber() || limit.asInt() < 1 || limit.asInt() > max)) {
      errors.add(new FieldError(at + "limit", "range", "'limit' is a whole number from 1 to " + max));
    }
  }

  private void title(JsonNode node, String at) {
    JsonNode title = node.get("title");
    if (title == null || title.isString() && title.asString().length() <= 100) {
      return;
    }
    if (title.isObject() && !title.isEmpty()) {
      for (String locale : title.propertyNames()) {
        if (!LOCALES.contains(locale) || !title.get(locale).isString() || title.get(locale).asString().length() > 100) {
          errors.add(new FieldError(at + "title." + locale, "type", "A title is text of at most 100 characters per language (en, zh-CN)"));
        }
      }
      return;
    }
    errors.add(new FieldError(at + "title", "type", "A title is text, or {\"en\": …, \"zh-CN\": …}, at most 100 characters"));
  }

  private void attributes(JsonNode node, String at, Set<String> known) {
    for (String name : node.propertyNames()) {
      if (!known.contains(name)) {
        errors.add(new FieldError(at + name, "unknownField", "Unknown attribute '" + name + "'; use " + String.join(", ", known.stream().sorted().toList())));
      }
    }
  }

  /** The title in {@code locale} ({@code en} or {@code zh-CN}), falling back to English, then to {@code fallback}. */
  public static String title(JsonNode node, String locale, String fallback) {
    JsonNode title = node.path("title");
    if (title.isString() && !title.asString().isBlank()) {
      return title.asString();
    }
    String text = title.path(locale).asString(title.path("en").asString(""));
    return text.isBlank() ? fallback : text;
  }
}
