package dev.tangram.runtime.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tangram.engine.access.Actor;
import dev.tangram.engine.apps.AppService;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.records.RecordService;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * An admin builds a dashboard in a real browser: a number card with the sum of a money field and a
 * bar chart of records per stage, checked against the records created here, saved, shown on the
 * dashboard page, in Chinese and at phone width.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DashboardBrowserIntegrationTests {

  @LocalServerPort
  int port;

  @Autowired
  AppService apps;

  @Autowired
  FormService forms;

  @Autowired
  RecordService records;

  @Autowired
  dev.tangram.engine.views.ViewService views;

  @Test
  void anAdminConfiguresABarChartAndANumberCardAndSeesTheRightValues() throws Exception {
    apps.create("pipeline", "Pipeline", null, "admin");
    forms.create("pipeline", Json.MAPPER.readTree("""
        {"key": "deal", "name": "Deal", "fields": [
          {"key": "title", "type": "text", "label": "Title"},
          {"key": "stage", "type": "select", "label": "Stage", "options": [{"value": "lead", "label": "Lead"},
            {"value": "won", "label": "Won <b>"}, {"value": "lost", "label": "Lost"}]},
          {"key": "amount", "type": "money", "label": "Amount"}]}"""), "admin");
    forms.publish("pipeline", "deal", "admin");
    // 6 deals: lead 2, won 3, lost 1; amounts add up to 2,150.50
    String[][] deals = {{"lead", "100.50"}, {"lead", "200"}, {"won", "1000.25"}, {"won", "499.75"}, {"won", "300"}, {"lost", "50"}};
    for (String[] deal : deals) {
      records.submit("pipeline", "deal", Json.MAPPER.readTree("{\"data\":{\"title\":\"t\",\"stage\":\"" + deal[0] + "\",\"amount\":" + deal[1] + "}}"),
          Actor.system("setup"));
    }
    try (Browser browser = Browser.open("http://127.0.0.1:" + port, "dashboard")) {
      browser.logIn("admin", "test-admin-pw");
      browser.go("/apps/pipeline");
      browser.click("#nav-dashboards");
      browser.waitFor("empty dashboard page", () -> browser.bodyText().contains("This app has no dashboard yet."));
      browser.screenshot("no-dashboard");

      browser.click("#new-dashboard");
      browser.find("#editor-canvas #preview-0");
      browser.type("#dashboard-key", "sales");
      browser.type("#dashboard-title-en", "Sales");
      browser.type("#dashboard-title-zh", "销售看板");
      choose(browser, "#widget-measure", "Sum of a field");
      choose(browser, "#widget-field", "Amount");
      browser.type("#widget-title-en", "Deal value");
      browser.type("#widget-title-zh", "成交金额");
      browser.waitFor("number card preview", () -> browser.text("#preview-0 .widget-number").equals("2,150.50"));

      browser.click("#add-widget");
      browser.find("#preview-1");
      choose(browser, "#widget-group", "Stage");
      browser.waitFor("bar chart preview", () -> bars(browser, "#preview-1").size() == 3);
      assertThat(bars(browser, "#preview-1")).containsExactly("Won <b>: 3", "Lead: 2", "Lost: 1");
      browser.type("#widget-title-en", "Deals by stage");
      browser.type("#widget-title-zh", "各阶段商机");
      browser.screenshot("editor");

      choose(browser, "#widget-chart", "Pie chart");
      browser.waitFor("pie preview", () -> !browser.findAll("#preview-1 svg path.slice").isEmpty());
      browser.screenshot("editor-pie");
      choose(browser, "#widget-chart", "Bar chart");

      browser.click("#save-dashboard");
      browser.waitFor("dashboard page", () -> browser.driver().getCurrentUrl().endsWith("/apps/pipeline/dashboards/sales"));
      browser.find("#widget-0 .widget-number");
      assertThat(browser.text("#dashboard-title")).isEqualTo("Sales");
      assertThat(browser.text("#widget-0 .widget-number")).isEqualTo("2,150.50");
      assertThat(browser.text("#widget-0 .widget-meta")).isEqualTo("6 records");
      assertThat(bars(browser, "#widget-1")).containsExactly("Won <b>: 3", "Lead: 2", "Lost: 1");
      assertThat(browser.findAll("#widget-1 svg text.category")).extracting(e -> e.getText()).containsExactly("Won <b>", "Lead", "Lost");
      browser.screenshot("dashboard-en");

      browser.click("#language-switch");
      browser.click("vaadin-select-item:nth-of-type(1)");
      browser.waitFor("Chinese labels", () -> browser.bodyText().contains("销售看板"));
      browser.find("#widget-0 .widget-number");
      assertThat(browser.text("#widget-0 .widget-title")).isEqualTo("成交金额");
      assertThat(browser.text("#widget-1 .widget-title")).isEqualTo("各阶段商机");
      assertThat(browser.text("#widget-0 .widget-meta")).isEqualTo("6 条记录");
      assertThat(browser.text("#nav-dashboards")).contains("仪表盘");
      browser.screenshot("dashboard-zh");

      browser.resize(390, 844);
      browser.screenshot("dashboard-phone");
    }
  }

  @Test
  void aSavedListViewSetsTheRecordListsColumnsFilterAndSort() throws Exception {
    apps.create("leads", "Leads", null, "admin");
    forms.create("leads", Json.MAPPER.readTree("""
        {"key": "lead", "name": "Lead", "fields": [{"key": "name", "type": "text", "label": "Name"},
          {"key": "stage", "type": "select", "label": "Stage", "options": ["new", "won"]},
          {"key": "amount", "type": "money", "label": "Amount"}, {"key": "note", "type": "text", "label": "Note"}]}"""), "admin");
    forms.publish("leads", "lead", "admin");
    String[][] leads = {{"Ann", "won", "10"}, {"Bob", "new", "20"}, {"Cy", "won", "30"}, {"Di", "won", "5"}};
    for (String[] lead : leads) {
      records.submit("leads", "lead", Json.MAPPER.readTree("{\"data\":{\"name\":\"" + lead[0] + "\",\"stage\":\"" + lead[1]
          + "\",\"amount\":" + lead[2] + ",\"note\":\"n\"}}"), Actor.system("setup"));
    }
    views.save("leads", "won", Json.MAPPER.readTree("""
        {"type": "list", "form": "lead", "title": {"en": "Won leads", "zh-CN": "已成交线索"}, "columns": ["name", "amount"],
         "filter": [{"field": "stage", "op": "eq", "value": "won"}], "sort": "-amount"}"""), Actor.system("setup"));
    try (Browser browser = Browser.open("http://127.0.0.1:" + port, "list-view")) {
      browser.logIn("admin", "test-admin-pw");
      browser.go("/apps/leads/forms/lead");
      browser.waitFor("all 4 records", () -> browser.text("#record-total").contains("4"));
      choose(browser, "#list-view-picker", "Won leads");
      browser.waitFor("3 won leads", () -> browser.text("#record-total").contains("3"));
      browser.waitFor("sorted by amount, descending", () -> cells(browser).equals(List.of("Cy", "Ann", "Di")));
      assertThat(browser.findAll("#record-grid vaadin-grid-cell-content").stream().map(e -> e.getText()).toList()).doesNotContain("n");
      browser.screenshot("list-view");
    }
  }

  /** The names in the grid's first column, top to bottom. */
  @SuppressWarnings("unchecked")
  private static List<String> cells(Browser browser) {
    return (List<String>) browser.script("const g = document.querySelector('#record-grid');"
        + "const cells = [...g.querySelectorAll('vaadin-grid-cell-content')].map(c => {"
        + "  const td = c.assignedSlot && c.assignedSlot.parentElement; const tr = td && td.parentElement;"
        + "  return {tr, td, text: c.textContent.trim()}; })"
        + ".filter(x => x.tr && x.tr.parentElement && x.tr.parentElement.id === 'items' && !x.tr.hidden);"
        + "const first = cells.filter(x => [...x.tr.children].filter(td => !td.hidden).indexOf(x.td) === 0);"
        + "first.sort((a, b) => a.tr.index - b.tr.index);"
        + "return first.map(x => x.text);");
  }

  /** The bars' tooltips ("label: value") in the chart of {@code widgetCss}, left to right. */
  @SuppressWarnings("unchecked")
  private static List<String> bars(Browser browser, String widgetCss) {
    return (List<String>) browser.script("return [...document.querySelectorAll(arguments[0] + ' svg rect.bar title')].map(t => t.textContent);",
        widgetCss);
  }

  /** Opens a Vaadin select and picks the item with this text. */
  private static void choose(Browser browser, String selectCss, String item) {
    browser.click(selectCss);
    browser.waitFor("item " + item, () -> Boolean.TRUE.equals(browser.script(
        "return [...document.querySelectorAll('vaadin-select-item')].some(i => i.getClientRects().length > 0 && i.textContent.trim() === arguments[0]);", item)));
    browser.script("[...document.querySelectorAll('vaadin-select-item')].find(i => i.getClientRects().length > 0 && i.textContent.trim() === arguments[0]).click();", item);
    browser.waitForVaadin();
  }
}
