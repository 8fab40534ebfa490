package dev.tangram.engine.templates.internal;

import dev.tangram.engine.forms.FieldDefinition;
import dev.tangram.engine.forms.FormDefinition;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Checks list views ({@code {"type":"list","form","columns","filter","sort"}}) and dashboards
 * ({@code {"type":"dashboard","widgets":[{"type":"count|sum|group|list","form","field","groupBy","filter"}]}})
 * against the package's forms.
 */
final class ViewChecker {

  static final Set<String> VIEW_TYPES = Set.of("list", "dashboard");
  static final Set<String> WIDGET_TYPES = Set.of("count", "sum", "group", "list");
  static final Set<String> OPS = Set.of("eq", "ne", "gt", "gte", "lt", "lte", "in", "nin", "contains", "startsWith", "between", "empty");
  private static final Set<String> SYSTEM_FIELDS = Set.of("status", "createdAt", "createdBy", "updatedAt", "updatedBy");

  private final PackageProblems problems;
  private Set<String> packaged = Set.of();

  ViewChecker(PackageProblems problems) {
    this.problems = problems;
  }

  /** @param packaged every form the package has, valid or not (an invalid one's problems are listed already) */
  void check(Map<String, JsonNode> views, Map<String, FormDefinition> forms, Set<String> packaged) {
    this.packaged = packaged;
    views.forEach((key, view) -> {
      String file = "views/" + key + ".json";
      String type = view.path("type").asString("");
      if (!VIEW_TYPES.contains(type)) {
        problems.add(file, "type", "unknownType", "A view is of type list or dashboard, not '" + type + "'");
      } else if (type.equals("list")) {
        query(file, "", view, forms, true);
      } else {
        JsonNode widgets = view.path("widgets");
        if (!widgets.isArray() || widgets.isEmpty()) {
          problems.add(file, "widgets", "required", "A dashboard needs a list of widgets");
        }
        for (int i = 0; i < widgets.size(); i++) {
          JsonNode w = widgets.get(i);
          String at = "widgets[" + i + "]";
          if (!WIDGET_TYPES.contains(w.path("type").asString(""))) {
            problems.add(file, at + ".type", "unknownType", "Widget type '" + w.path("type").asString("") + "'; use one of " + String.join(", ", WIDGET_TYPES.stream().sorted().toList()));
          }
          query(file, at + ".", w, forms, "list".equals(w.path("type").asString("")));
        }
      }
    });
  }

  private void query(String file, String at, JsonNode node, Map<String, FormDefinition> forms, boolean needsColumns) {
    String formKey = node.path("form").asString("");
    FormDefinition form = forms.get(formKey);
    if (form == null && packaged.contains(formKey)) {
      return;
    }
    if (form == null) {
      problems.add(file, at + "form", "unknownForm", "The view shows form '" + formKey + "', which the package does not have");
      return;
    }
    if (needsColumns && (!node.path("columns").isArray() || node.path("columns").isEmpty())) {
      problems.add(file, at + "columns", "required", "A list names its columns");
    }
    JsonNode columns = node.path("columns");
    for (int i = 0; i < columns.size(); i++) {
      field(file, at + "columns[" + i + "]", columns.get(i).asString(""), form);
    }
    for (String attribute : new String[] {"field", "groupBy"}) {
      if (node.has(attribute)) {
        field(file, at + attribute, node.get(attribute).asString(""), form);
      }
    }
    if (node.has("sort")) {
      field(file, at + "sort", node.get("sort").asString("").replaceFirst("^[-+]", ""), form);
    }
    JsonNode filter = node.path("filter");
    for (int i = 0; i < filter.size(); i++) {
      JsonNode f = filter.get(i);
      field(file, at + "filter[" + i + "].field", f.path("field").asString(""), form);
      if (!OPS.contains(f.path("op").asString(""))) {
        problems.add(file, at + "filter[" + i + "].op", "unknownOp", "Filter operator '" + f.path("op").asString("") + "'; use one of " + String.join(", ", OPS.stream().sorted().toList()));
      }
    }
  }

  private void field(String file, String at, String key, FormDefinition form) {
    if (!SYSTEM_FIELDS.contains(key) && form.findField(key).map(FieldDefinition::key).isEmpty()) {
      problems.add(file, at, "unknownField", "Form '" + form.key() + "' has no field '" + key + "'");
    }
  }
}
