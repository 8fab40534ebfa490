package dev.tangram.designer.dashboards;

import dev.tangram.engine.common.XmlText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/**
 * Draws a bar, line, pie or funnel chart as SVG text. Every label is XML-escaped (group values are
 * user data), long labels are shortened with their full text as a tooltip, and the drawing scales
 * to its container through its {@code viewBox}, so it stays readable at phone width.
 */
public final class SvgChart {

  /** One bar, point, slice or stage. */
  public record Point(String label, BigDecimal value) {}

  static final String[] COLOURS = {"#2f6fed", "#22a06b", "#f5a524", "#e5484d", "#7b5cf0", "#0ea5e9", "#d946ef", "#64748b",
      "#84cc16", "#f97316"};
  private static final int W = 400;
  private static final int H = 240;
  private static final int LEFT = 52;
  private static final int RIGHT = 10;
  private static final int TOP = 18;
  private static final int BOTTOM = 44;

  private final Locale locale;
  private final StringBuilder svg = new StringBuilder();

  private SvgChart(Locale locale) {
    this.locale = locale;
  }

  /** The chart as an {@code <svg>} element; {@code type} is bar, line, pie or funnel. */
  public static String render(String type, List<Point> points, Locale locale, String label) {
    SvgChart chart = new SvgChart(locale);
    int height = switch (type) {
      case "funnel" -> Math.max(60, points.size() * 34 + 8);
      case "pie" -> Math.max(H, Math.min(points.size(), 12) * 20 + 20);
      default -> H;
    };
    chart.svg.append("<svg xmlns='http://www.w3.org/2000/svg' class='chart chart-").append(XmlText.escape(type))
        .append("' viewBox='0 0 ").append(W).append(' ').append(height).append("' width='100%' role='img' aria-label='")
        .append(XmlText.escape(label)).append("' font-family='inherit' font-size='12'><title>").append(XmlText.escape(label)).append("</title>");
    switch (type) {
      case "line" -> chart.line(points);
      case "pie" -> chart.pie(points);
      case "funnel" -> chart.funnel(points);
      default -> chart.bars(points);
    }
    return chart.svg.append("</svg>").toString();
  }

  private void bars(List<Point> points) {
    Axis axis = axis(points);
    double slot = (W - LEFT - RIGHT) / (double) Math.max(1, points.size());
    double width = Math.max(2, slot * 0.68);
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      double x = LEFT + i * slot + (slot - width) / 2;
      double y1 = axis.y(p.value());
      double y0 = axis.y(BigDecimal.ZERO);
      svg.append(String.format(Locale.ROOT, "<rect class='bar' x='%.1f' y='%.1f' width='%.1f' height='%.1f' rx='2' fill='%s'><title>%s: %s</title></rect>",
          x, Math.min(y0, y1), width, Math.max(0.5, Math.abs(y0 - y1)), COLOURS[0], XmlText.escape(p.label()), XmlText.escape(number(p.value()))));
      if (points.size() <= 12) {
        text(x + width / 2, Math.min(y0, y1) - 4, "middle", number(p.value()), "value");
      }
    }
    categoryLabels(points, slot);
  }

  private void line(List<Point> points) {
    Axis axis = axis(points);
    double slot = (W - LEFT - RIGHT) / (double) Math.max(1, points.size());
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < points.size(); i++) {
      path.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", LEFT + slot * (i + 0.5), axis.y(points.get(i).value())));
    }
    svg.append("<polyline class='line' fill='none' stroke='").append(COLOURS[0]).append("' stroke-width='2' points='").append(path).append("'/>");
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      svg.append(String.format(Locale.ROOT, "<circle cx='%.1f' cy='%.1f' r='3' fill='%s'><title>%s: %s</title></circle>",
          LEFT + slot * (i + 0.5), axis.y(p.value()), COLOURS[0], XmlText.escape(p.label()), XmlText.escape(number(p.value()))));
      if (points.size() <= 12) {
        text(LEFT + slot * (i + 0.5), axis.y(p.value()) - 7, "middle", number(p.value()), "value");
      }
    }
    categoryLabels(points, slot);
  }

  private void pie(List<Point> points) {
    BigDecimal total = points.stream().map(Point::value).filter(v -> v.signum() > 0).reduce(BigDecimal.ZERO, BigDecimal::add);
    double cx = 110;
    double cy = 110;
    double r = 96;
    if (total.signum() == 0) {
      svg.append(String.format(Locale.ROOT, "<circle cx='%.1f' cy='%.1f' r='%.1f' fill='none' stroke='#d0d5dd' stroke-width='40'/>", cx, cy, r - 20));
    }
    double angle = -Math.PI / 2;
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      double share = p.value().signum() > 0 && total.signum() > 0 ? p.value().doubleValue() / total.doubleValue() : 0;
      String colour = COLOURS[i % COLOURS.length];
      if (share >= 0.9999) {
        svg.append(String.format(Locale.ROOT, "<circle class='slice' cx='%.1f' cy='%.1f' r='%.1f' fill='%s'><title>%s</title></circle>",
            cx, cy, r, colour, XmlText.escape(p.label())));
      } else if (share > 0) {
        double end = angle + share * 2 * Math.PI;
        svg.append(String.format(Locale.ROOT, "<path class='slice' d='M%.1f,%.1f L%.2f,%.2f A%.1f,%.1f 0 %d 1 %.2f,%.2f Z' fill='%s' stroke='#fff' stroke-width='1'><title>%s: %s</title></path>",
            cx, cy, cx + r * Math.cos(angle), cy + r * Math.sin(angle), r, r, share > 0.5 ? 1 : 0, cx + r * Math.cos(end), cy + r * Math.sin(end),
            colour, XmlText.escape(p.label()), XmlText.escape(number(p.value()))));
        angle = end;
      }
    }
    svg.append(String.format(Locale.ROOT, "<circle cx='%.1f' cy='%.1f' r='%.1f' fill='#fff'/>", cx, cy, r * 0.55));
    svg.append(String.format(Locale.ROOT, "<text class='total' x='%.1f' y='%.1f' text-anchor='middle' font-size='18' font-weight='700' fill='#344054'>%s</text>",
        cx, cy + 6, XmlText.escape(number(total))));
    for (int i = 0; i < Math.min(points.size(), 12); i++) {
      Point p = points.get(i);
      double y = 20 + i * 20;
      svg.append(String.format(Locale.ROOT, "<rect x='222' y='%.1f' width='11' height='11' rx='2' fill='%s'/>", y - 9, COLOURS[i % COLOURS.length]));
      String percent = total.signum() > 0 && p.value().signum() > 0
          ? " · " + p.value().multiply(BigDecimal.valueOf(100)).divide(total, 0, RoundingMode.HALF_UP) + "%" : "";
      labelled(239, y, "start", shorten(p.label(), 16), p.label(), "legend");
      text(W - 4, y, "end", number(p.value()) + percent, "legend-value");
    }
  }

  private void funnel(List<Point> points) {
    BigDecimal max = points.stream().map(Point::value).max(BigDecimal::compareTo).filter(m -> m.signum() > 0).orElse(BigDecimal.ONE);
    double left = 120;
    double span = W - left - 4;
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      double width = Math.max(3, span * Math.max(0, p.value().doubleValue()) / max.doubleValue());
      double y = 4 + i * 34;
      svg.append(String.format(Locale.ROOT, "<rect class='stage' x='%.1f' y='%.1f' width='%.1f' height='28' rx='3' fill='%s'><title>%s: %s</title></rect>",
          left + (span - width) / 2, y, width, COLOURS[i % COLOURS.length], XmlText.escape(p.label()), XmlText.escape(number(p.value()))));
      labelled(left - 6, y + 18, "end", shorten(p.label(), 16), p.label(), "stage-label");
      text(left + span / 2, y + 18, "middle", number(p.value()), "value");
    }
  }

  /** The value axis with about five round ticks, always including zero. */
  private Axis axis(List<Point> points) {
    double max = points.stream().mapToDouble(p -> p.value().doubleValue()).max().orElse(0);
    double min = points.stream().mapToDouble(p -> p.value().doubleValue()).min().orElse(0);
    double step = niceStep(Math.max(max, 0) - Math.min(min, 0));
    double top = Math.max(step, Math.ceil(Math.max(max, 0) / step) * step);
    double bottom = Math.floor(Math.min(min, 0) / step) * step;
    Axis axis = new Axis(bottom, top);
    for (double v = bottom; v <= top + step / 2; v += step) {
      double y = axis.y(BigDecimal.valueOf(v));
      svg.append(String.format(Locale.ROOT, "<line class='grid' x1='%d' x2='%d' y1='%.1f' y2='%.1f' stroke='%s' stroke-width='1'/>",
          LEFT, W - RIGHT, y, y, Math.abs(v) < step / 2 ? "#98a2b3" : "#eaecf0"));
      text(LEFT - 6, y + 4, "end", compact(v), "tick");
    }
    return axis;
  }

  private void categoryLabels(List<Point> points, double slot) {
    int every = (int) Math.ceil(points.size() / 8.0);
    boolean slanted = points.size() > 5;
    for (int i = 0; i < points.size(); i += Math.max(1, every)) {
      double x = LEFT + slot * (i + 0.5);
      String label = points.get(i).label();
      String shown = shorten(label, slanted ? 12 : Math.max(4, (int) (slot * every / 7)));
      if (slanted) {
        svg.append(String.format(Locale.ROOT, "<g><title>%s</title><text class='category' x='%.1f' y='%d' text-anchor='end' fill='#475467' transform='rotate(-35 %.1f %d)'>%s</text></g>",
            XmlText.escape(label), x, H - BOTTOM + 14, x, H - BOTTOM + 14, XmlText.escape(shown)));
      } else {
        labelled(x, H - BOTTOM + 16, "middle", shown, label, "category");
      }
    }
  }

  private void text(double x, double y, String anchor, String text, String cssClass) {
    svg.append(String.format(Locale.ROOT, "<text class='%s' x='%.1f' y='%.1f' text-anchor='%s' fill='#344054' stroke='#fff' stroke-width='3' paint-order='stroke'>%s</text>",
        cssClass, x, y, anchor, XmlText.escape(text)));
  }

  private void labelled(double x, double y, String anchor, String shown, String full, String cssClass) {
    // the tooltip is the group's title, so the text element holds only the shown label
    svg.append(String.format(Locale.ROOT, "<g><title>%s</title><text class='%s' x='%.1f' y='%.1f' text-anchor='%s' fill='#475467'>%s</text></g>",
        XmlText.escape(full), cssClass, x, y, anchor, XmlText.escape(shown)));
  }

  private String number(BigDecimal value) {
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    format.setMaximumFractionDigits(Math.max(0, Math.min(4, value.stripTrailingZeros().scale())));
    format.setMinimumFractionDigits(0);
    return format.format(value);
  }

  private String compact(double value) {
    NumberFormat format = NumberFormat.getCompactNumberInstance(locale, NumberFormat.Style.SHORT);
    format.setMaximumFractionDigits(Math.abs(value) < 10 && value != Math.rint(value) ? 2 : 1);
    return format.format(value);
  }

  static double niceStep(double range) {
    if (range <= 0) {
      return 1;
    }
    double raw = range / 4;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double residual = raw / magnitude;
    double nice = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 2.5 ? 2.5 : residual <= 5 ? 5 : 10;
    return nice * magnitude;
  }

  /** Shortens to about {@code max} Latin letters' width (a CJK character counts as two), with an ellipsis. */
  static String shorten(String text, int max) {
    int width = 0;
    for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
      width += Character.isIdeographic(text.codePointAt(i)) || text.codePointAt(i) > 0x2E80 ? 2 : 1;
      if (width > max) {
        int cut = i;
        return text.substring(0, Math.max(cut, text.offsetByCodePoints(0, 1))) + "…";
      }
    }
    return text;
  }


  private record Axis(double bottom, double top) {
    double y(BigDecimal value) {
      double span = top - bottom == 0 ? 1 : top - bottom;
      return TOP + (H - TOP - BOTTOM) * (1 - (value.doubleValue() - bottom) / span);
    }
  }
}
