package dev.tangram.designer.dashboards;

import dev.tangram.engine.common.XmlText;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import dev.tangram.designer.components.Translations;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.records.AggregateResult;
import dev.tangram.engine.records.Record;
import dev.tangram.engine.views.ViewChecker;
import dev.tangram.engine.views.WidgetData;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One dashboard widget as its viewer sees it: a number card, an SVG chart, a small table of rows,
 * or the reason it cannot show (the rest of the dashboard still does).
 */
public final class WidgetCard extends Div {

  /**
   * @param widget the widget's definition
   * @param data   what the engine computed for this viewer
   * @param form   the widget's form, for field and option labels; null if it is missing
   */
  public WidgetCard(JsonNode widget, WidgetData data, @Nullable FormDefinition form, Locale locale) {
    addClassName("widget");
    String chart = chartOf(widget);
    addClassName("widget-" + chart);
    H3 title = new H3(title(widget, form, locale));
    title.addClassName("widget-title");
    add(title);
    if (!data.errors().isEmpty()) {
      Div errors = new Div();
      errors.addClassName("widget-errors");
      data.errors().stream().map(WidgetCard::message).distinct().forEach(m -> errors.add(new Div(m)));
      add(errors);
    } else if (data.rows() != null) {
      add(table(widget, data.rows().items(), form, locale));
    } else if (data.aggregate() != null && "number".equals(chart)) {
      boolean money = form != null && form.findField(widget.path("field").asString("")).map(f -> "money".equals(f.type())).orElse(false)
          && !"count".equals(widget.path("type").asString());
      Span value = new Span(number(data.aggregate().value(), money ? 2 : 0, locale));
      value.addClassName("widget-number");
      Span meta = new Span(Translations.translate("dash.records", locale, data.aggregate().count()));
      meta.addClassName("widget-meta");
      add(value, meta);
    } else if (data.aggregate() != null) {
      List<SvgChart.Point> points = points(widget, data.aggregate(), form, locale);
      if (points.isEmpty()) {
        add(new Div(Translations.translate("dash.empty", locale)));
      } else {
        Html svg = new Html("<div class='chart-box'>" + SvgChart.render(chart, points, locale, title.getText()) + "</div>");
        add(svg);
      }
    }
  }

  /** The chart a widget shows: its {@code chart}, else a number without groupBy and bars with it. */
  public static String chartOf(JsonNode widget) {
    if ("list".equals(widget.path("type").asString())) {
      return "list";
    }
    String chart = widget.path("chart").asString("");
    return !chart.isEmpty() ? chart : widget.hasNonNull("groupBy") || "group".equals(widget.path("type").asString()) ? "bar" : "number";
  }

  /** The widget's own title, else one made of its form and field ("Orders · sum of Amount"). */
  public static String title(JsonNode widget, @Nullable FormDefinition form, Locale locale) {
    String formName = form == null ? widget.path("form").asString("") : form.name();
    String type = widget.path("type").asString("count");
    String made = widget.hasNonNull("field") && !"count".equals(type)
        ? Translations.translate("dash.title.sum", locale, formName, GroupLabels.field(widget.path("field").asString(), form, locale))
        : Translations.translate("list".equals(type) ? "dash.title.list" : "dash.title.count", locale, formName);
    return ViewChecker.title(widget, Translations.CHINESE.equals(Translations.supported(locale)) ? "zh-CN" : "en", made);
  }

  private static List<SvgChart.Point> points(JsonNode widget, AggregateResult result, @Nullable FormDefinition form, Locale locale) {
    String groupBy = widget.path("groupBy").asString(null);
    List<SvgChart.Point> points = new ArrayList<>();
    result.groups().forEach(g -> points.add(new SvgChart.Point(GroupLabels.of(g.key(), groupBy, form, locale), g.value())));
    boolean dates = groupBy != null && groupBy.contains(":") || result.groups().stream().anyMatch(g -> g.key() != null && g.key().matches("\\d{4}-.*"));
    if (result.other() != null && !dates) {
      points.add(new SvgChart.Point(Translations.translate("dash.other", locale), result.other().value()));
    }
    return points;
  }

  private static Div table(JsonNode widget, List<Record> rows, @Nullable FormDefinition form, Locale locale) {
    List<String> columns = new ArrayList<>();
    widget.path("columns").forEach(c -> columns.add(c.asString("")));
    StringBuilder html = new StringBuilder("<div class='widget-table'><table><thead><tr>");
    columns.forEach(c -> html.append("<th>").append(XmlText.escape(GroupLabels.field(c, form, locale))).append("</th>"));
    html.append("</tr></thead><tbody>");
    for (Record row : rows) {
      html.append("<tr>");
      for (String c : columns) {
        html.append("<td>").append(XmlText.escape(cell(row, c))).append("</td>");
      }
      html.append("</tr>");
    }
    Div table = new Div();
    table.add(new Html(html.append("</tbody></table></div>").toString()));
    return table;
  }

  private static String cell(Record row, String column) {
    return switch (column) {
      case "createdBy" -> row.createdBy();
      case "createdAt" -> row.createdAt().toString().substring(0, 16).replace('T', ' ');
      case "updatedBy" -> row.updatedBy();
      case "updatedAt" -> row.updatedAt().toString().substring(0, 16).replace('T', ' ');
      case "status" -> row.status();
      default -> {
        JsonNode value = row.data().get(column);
        yield value == null || value.isNull() ? "" : value.isString() ? value.asString() : value.toString();
      }
    };
  }

  /** The value with grouping, at least {@code places} decimals (money: 2) and no more than it has (up to 4). */
  static String number(BigDecimal value, int places, Locale locale) {
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    format.setMinimumFractionDigits(places);
    format.setMaximumFractionDigits(Math.max(places, Math.min(4, value.stripTrailingZeros().scale())));
    return format.format(value);
  }

  private static String message(FieldError error) {
    return error.message();
  }
}
