package dev.tangram.runtime.ui.dashboards;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.tangram.engine.forms.FieldDefinition;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.forms.FormSummary;
import dev.tangram.engine.records.RecordQuery;
import dev.tangram.engine.views.ViewChecker;
import dev.tangram.runtime.ui.records.FilterBar;
import dev.tangram.engine.common.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The property panel of one dashboard widget: form, count or sum of a field, group by a field or
 * a date by day/week/month, chart, titles in both languages and filters. Every change is written
 * into the widget's JSON at once and reported, so the canvas redraws its live preview.
 */
final class WidgetPanel extends Composite<Div> {

  private static final Set<String> GROUPABLE = Set.of("text", "select", "multiselect", "boolean", "user", "department", "email", "phone",
      "number", "serial");

  private final ObjectNode widget;
  private final String app;
  private final DashboardForms forms;
  private final Runnable changed;
  private final Div fields = new Div();

  WidgetPanel(ObjectNode widget, String app, DashboardForms forms, Runnable changed) {
    this.widget = widget;
    this.app = app;
    this.forms = forms;
    this.changed = changed;
    getContent().addClassName("widget-panel");
    getContent().setId("widget-panel");
    H3 heading = new H3(getTranslation("dash.widget"));
    getContent().add(heading, fields);
    build();
  }

  private void build() {
    fields.removeAll();
    TextField titleEn = text("widget-title-en", "dash.titleEn", widget.path("title").isString() ? widget.path("title").asString()
        : widget.path("title").path("en").asString(""));
    TextField titleZh = text("widget-title-zh", "dash.titleZh", widget.path("title").path("zh-CN").asString(""));
    titleEn.addValueChangeListener(e -> title(titleEn.getValue(), titleZh.getValue()));
    titleZh.addValueChangeListener(e -> title(titleEn.getValue(), titleZh.getValue()));
    fields.add(titleEn, titleZh);
    if ("list".equals(widget.path("type").asString())) {
      fields.add(new Paragraph(getTranslation("dash.listWidget")));
      return;
    }
    Select<String> form = select("widget-form", "dash.form", forms.published(app).stream().map(FormSummary::key).toList(),
        k -> forms.published(app).stream().filter(f -> f.key().equals(k)).map(FormSummary::name).findFirst().orElse(k));
    form.setValue(widget.path("form").asString(null));
    form.addValueChangeListener(e -> {
      widget.put("form", e.getValue());
      widget.remove(List.of("field", "groupBy", "filter"));
      widget.put("type", "count");
      changed.run();
      build();
    });
    fields.add(form);
    FormDefinition definition = forms.find(app, widget.path("form").asString(""));
    if (definition == null) {
      return;
    }
    boolean sum = widget.hasNonNull("field") && !"count".equals(widget.path("type").asString());
    Select<String> measure = select("widget-measure", "dash.measure", List.of("count", "sum"), m -> getTranslation("dash.measure." + m));
    measure.setValue(sum ? "sum" : "count");
    List<String> numeric = definition.fields().stream().filter(f -> List.of("number", "money").contains(f.type())).map(FieldDefinition::key).toList();
    Select<String> field = select("widget-field", "dash.field", numeric, k -> label(definition, k));
    field.setValue(sum ? widget.path("field").asString() : null);
    field.setVisible(sum);
    measure.addValueChangeListener(e -> {
      field.setVisible("sum".equals(e.getValue()));
      if ("count".equals(e.getValue())) {
        widget.remove("field");
        widget.put("type", "count");
      } else if (field.getValue() == null && !numeric.isEmpty()) {
        field.setValue(numeric.getFirst());
      }
      changed.run();
    });
    field.addValueChangeListener(e -> {
      if (e.getValue() != null) {
        widget.put("type", "sum").put("field", e.getValue());
        changed.run();
      }
    });
    List<String> options = groupOptions(definition);
    if (widget.hasNonNull("groupBy") && !options.contains(widget.path("groupBy").asString())) {
      options.add(widget.path("groupBy").asString()); // e.g. a date without a bucket, from a template
    }
    Select<String> group = select("widget-group", "dash.groupBy", options, k -> groupLabel(definition, k));
    group.setEmptySelectionAllowed(true);
    group.setEmptySelectionCaption(getTranslation("dash.group.none"));
    group.setValue(widget.path("groupBy").asString(null));
    Select<String> chart = select("widget-chart", "dash.chart", ViewChecker.CHARTS, c -> getTranslation("dash.chart." + c));
    chart.setValue(dev.tangram.designer.dashboards.WidgetCard.chartOf(widget));
    group.addValueChangeListener(e -> {
      if (e.getValue() == null) {
        widget.remove("groupBy");
        chart.setValue("number");
      } else {
        widget.put("groupBy", e.getValue());
        if ("number".equals(chart.getValue())) {
          chart.setValue(e.getValue().contains(":") ? "line" : "bar");
        }
      }
      if ("group".equals(widget.path("type").asString())) {
        widget.put("type", widget.hasNonNull("field") ? "sum" : "count");
      }
      changed.run();
    });
    chart.addValueChangeListener(e -> {
      widget.put("chart", e.getValue());
      changed.run();
    });
    FilterBar filters = new FilterBar(definition, chosen -> {
      ArrayNode array = Json.MAPPER.createArrayNode();
      chosen.forEach(f -> array.addObject().put("field", f.field()).put("op", f.op()).set("value", f.value()));
      if (array.isEmpty()) {
        widget.remove("filter");
      } else {
        widget.set("filter", array);
      }
      changed.run();
    });
    filters.setFilters(currentFilters());
    Span filterLabel = new Span(getTranslation("dash.filters"));
    filterLabel.addClassName("panel-label");
    fields.add(measure, field, group, chart, filterLabel, filters);
  }

  private List<RecordQuery.Filter> currentFilters() {
    List<RecordQuery.Filter> list = new ArrayList<>();
    widget.path("filter").forEach(f -> list.add(new RecordQuery.Filter(f.path("field").asString(""), f.path("op").asString(""), f.path("value"))));
    return list;
  }

  private void title(String en, String zh) {
    if (en.isBlank() && zh.isBlank()) {
      widget.remove("title");
    } else {
      ObjectNode title = widget.putObject("title");
      if (!en.isBlank()) {
        title.put("en", en.strip());
      }
      if (!zh.isBlank()) {
        title.put("zh-CN", zh.strip());
      }
    }
    changed.run();
  }

  /** Fields to group by; dates by day, week or month. */
  private static List<String> groupOptions(FormDefinition form) {
    List<String> options = new ArrayList<>();
    for (FieldDefinition f : form.fields()) {
      if (GROUPABLE.contains(f.type())) {
        options.add(f.key());
      } else if (List.of("date", "datetime").contains(f.type())) {
        List.of("day", "week", "month").forEach(b -> options.add(f.key() + ":" + b));
      }
    }
    options.addAll(List.of("status", "createdBy", "createdAt:day", "createdAt:week", "createdAt:month"));
    return options;
  }

  private String groupLabel(FormDefinition form, String option) {
    String[] parts = option.split(":");
    String name = label(form, parts[0]);
    return parts.length > 1 ? name + " · " + getTranslation("dash.bucket." + parts[1]) : name;
  }

  private String label(FormDefinition form, String key) {
    return form.findField(key).map(FieldDefinition::displayName).orElseGet(() -> getTranslation("records.system." + key));
  }

  private TextField text(String id, String label, String value) {
    TextField field = new TextField(getTranslation(label));
    field.setValue(value);
    field.setId(id);
    field.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.ON_CHANGE);
    field.setWidthFull();
    return field;
  }

  private Select<String> select(String id, String label, List<String> items, com.vaadin.flow.component.ItemLabelGenerator<String> labels) {
    Select<String> select = new Select<>();
    select.setLabel(getTranslation(label));
    select.setItems(items);
    select.setItemLabelGenerator(k -> k == null ? getTranslation("dash.group.none") : labels.apply(k));
    select.setId(id);
    select.setWidthFull();
    return select;
  }
}
