package dev.tangram.runtime.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tangram.engine.apps.AppService;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.forms.FormService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Filling in a form in a real browser: server errors at the fields, row formulas and totals and a
 * visibility rule updating as the user types, a draft kept across a reload, the saved record on
 * its page and in the filtered list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FormFillingBrowserIntegrationTests {

  @LocalServerPort
  int port;

  @Autowired
  AppService apps;

  @Autowired
  FormService forms;

  @Test
  void fillInAnOrderWithLiveTotalsThenFindItInTheList() {
    apps.create("shop", "Shop", null, "admin");
    forms.create("shop", Json.MAPPER.readTree("""
        {"key": "order", "name": "Order", "fields": [
          {"key": "title", "type": "text", "label": "Title", "required": true},
          {"key": "category", "type": "select", "label": "Category", "options": ["retail", "wholesale"]},
          {"key": "lines", "type": "subform", "label": "Lines", "fields": [
            {"key": "qty", "type": "number", "label": "Qty"}, {"key": "price", "type": "money", "label": "Price"},
            {"key": "sum", "type": "money", "label": "Sum", "formula": "qty * price"}]},
          {"key": "total", "type": "money", "label": "Total", "formula": "SUM(lines.sum)"},
          {"key": "reason", "type": "textarea", "label": "Why so large?"},
          {"key": "no", "type": "serial", "label": "No.", "pattern": "ORD-{yyyy}-{seq:4}"}],
         "rules": [{"type": "visible", "field": "reason", "when": "total > 1000"}]}"""), "admin");
    forms.publish("shop", "order", "admin");

    try (Browser browser = Browser.open("http://127.0.0.1:" + port, "form-filling")) {
      browser.logIn("admin", "test-admin-pw");
      browser.go("/apps/shop/forms/order/new");
      browser.find("#field-title");
      assertThat(browser.findAll("#field-reason")).as("hidden while total <= 1000").noneMatch(e -> e.isDisplayed());
      assertThat(browser.property("#field-no", "value")).startsWith("ORD-");
      browser.screenshot("empty-form");

      browser.click("#submit");
      browser.waitFor("error at the title", () -> Boolean.TRUE.equals(browser.script("return document.getElementById('field-title').invalid")));
      browser.screenshot("server-error-at-field");

      browser.type("#field-title", "First order");
      // typing clears the title's error, which moves everything below it up: click after that, not into the gap
      browser.waitFor("title error cleared", () -> !Boolean.TRUE.equals(browser.script("return document.getElementById('field-title').invalid")));
      browser.click("#add-row-lines");
      browser.type("#field-lines-0-qty", "2");
      browser.type("#field-lines-0-price", "600");
      browser.waitFor("row sum computed", () -> "1200.00".equals(browser.property("#field-lines-0-sum", "value")));
      browser.waitFor("total computed", () -> "1200.00".equals(browser.property("#field-total", "value")));
      browser.waitFor("reason shown", () -> browser.find("#field-reason").isDisplayed());
      browser.screenshot("live-formulas");

      browser.click("#save-draft");
      browser.go("/apps/shop/forms/order/new");
      browser.find("#draft-restored");
      assertThat(browser.property("#field-title", "value")).isEqualTo("First order");
      browser.screenshot("draft-restored");

      browser.type("#field-reason", "Big customer");
      browser.click("#submit");
      browser.waitFor("record page", () -> browser.driver().getCurrentUrl().contains("/records/"));
      browser.find("#record-history");
      assertThat(browser.property("#field-total", "value")).isEqualTo("1200.00");
      assertThat(browser.property("#field-no", "value")).matches("ORD-\\d{4}-0001");
      browser.screenshot("record-page");

      browser.go("/apps/shop/forms/order");
      browser.waitFor("one record", () -> browser.text("#record-total").contains("1 record"));
      assertThat(browser.text("#record-grid")).contains("First order");
      browser.screenshot("record-list");
    }
  }
}
