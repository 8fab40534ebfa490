package dev.tangram.designer.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class SvgChartTests {

  private static final List<SvgChart.Point> HOSTILE = List.of(
      new SvgChart.Point("<script>alert('x')</script>", new BigDecimal("3")),
      new SvgChart.Point("A & B \"quoted\"", new BigDecimal("1.50")),
      new SvgChart.Point("一个很长很长很长很长的中文分组名称", new BigDecimal("-2")));

  private static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bar", "line", "pie", "funnel"})
  void everyChartIsWellFormedSvgWithItsLabelsEscaped(String type) throws Exception {
    String svg = SvgChart.render(type, HOSTILE, Locale.ENGLISH, "Deals <by> stage");
    Document document = parse(svg); // throws on anything not well-formed
    assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
    assertThat(document.getElementsByTagName("script").getLength()).isZero();
    assertThat(svg).doesNotContain("<script").contains("&lt;script&gt;", "A &amp; B &quot;quoted&quot;");
    assertThat(document.getDocumentElement().getAttribute("aria-label")).isEqualTo("Deals <by> stage");
  }

  @Test
  void barsStandOnZeroAndCarryTheirExactValues() throws Exception {
    Document document = parse(SvgChart.render("bar", HOSTILE, Locale.ENGLISH, "x"));
    var titles = document.getElementsByTagName("rect");
    assertThat(titles.getLength()).isEqualTo(3);
    assertThat(titles.item(1).getTextContent()).isEqualTo("A & B \"quoted\": 1.5");
    assertThat(titles.item(2).getTextContent()).startsWith("一个很长").endsWith(": -2");
  }

  @Test
  void longLabelsAreShortenedByWidthWithCjkCountingDouble() {
    assertThat(SvgChart.shorten("Lead", 8)).isEqualTo("Lead");
    assertThat(SvgChart.shorten("Qualified opportunity", 10)).isEqualTo("Qualified …");
    assertThat(SvgChart.shorten("一个很长很长的名称", 8)).isEqualTo("一个很长…");
  }

  @Test
  void axisStepsAreRound() {
    assertThat(SvgChart.niceStep(3)).isEqualTo(1);
    assertThat(SvgChart.niceStep(2150.5)).isEqualTo(1000);
    assertThat(SvgChart.niceStep(0)).isEqualTo(1);
  }
}
