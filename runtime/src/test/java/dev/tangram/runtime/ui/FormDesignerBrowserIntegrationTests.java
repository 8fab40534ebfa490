package dev.tangram.runtime.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tangram.engine.apps.AppService;
import dev.tangram.engine.forms.FieldDefinition;
import dev.tangram.engine.forms.FormService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The form designer in a real browser: a six-field form with a subform built by drag and drop
 * (palette onto the canvas, into the subform, a card reordered), properties and formulas set in the
 * property panel, published; then filled in with the formula updating live and found in the list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FormDesignerBrowserIntegrationTests {

  @LocalServerPort
  int port;

  @Autowired
  AppService apps;

  @Autowired
  FormService forms;

  @Test
  void buildPublishAndFillAFormByDragAndDrop() {
    apps.create("sales", "Sales", null, "admin");
    try (Browser browser = Browser.open("http://127.0.0.1:" + port, "form-designer")) {
      browser.logIn("admin", "test-admin-pw");
      browser.go("/apps/sales/design");
      // key first: the name suggests a key when it loses focus, which raced with typing the key ("quotequote")
      browser.type("#designer-key", "quote");
      browser.type("#designer-name", "Quote");
      browser.screenshot("empty-designer");

      addField(browser, "text", "#canvas-end", "customer", "Customer");
      browser.click("#prop-required");
      addField(browser, "date", "#canvas-end", "day", "Day");
      addField(browser, "select", "#canvas-end", "kind", "Kind");
      addField(browser, "subform", "#canvas-end", "lines", "Lines");
      addField(browser, "number", "#subform-drop-lines", "qty", "Qty");
      addField(browser, "money", "#subform-drop-lines", "price", "Price");
      addField(browser, "money", "#subform-drop-lines", "sum", "Sum");
      browser.type("#prop-formula", "qty * price");
      browser.waitFor("formula on the card", () -> browser.text("#card-sum").contains("qty * price"));
      addField(browser, "money", "#canvas-end", "total", "Total");
      browser.type("#prop-formula", "SUM(lines.sum)");
      browser.waitFor("formula on the card", () -> browser.text("#card-total").contains("SUM(lines.sum)"));
      addField(browser, "textarea", "#canvas-end", "note", "Note");
      browser.dragAndDrop("#card-note", "#card-total");
      browser.screenshot("designed");

      browser.click("#designer-publish");
      browser.waitFor("published", () -> browser.text("#designer-version").contains("version 1"));
      browser.screenshot("published");
    }
    assertThat(forms.getLatestPublished("sales", "quote").definition().fields()).extracting(FieldDefinition::key)
        .containsExactly("customer", "day", "kind", "lines", "note", "total");
    assertThat(forms.getLatestPublished("sales", "quote").definition().findField("lines").orElseThrow().fields())
        .extracting(FieldDefinition::key).containsExactly("qty", "price", "sum");

    try (Browser browser = Browser.open("http://127.0.0.1:" + port, "form-designer-fill")) {
      browser.logIn("admin", "test-admin-pw");
      browser.go("/apps/sales/forms/quote/new");
      browser.type("#field-customer", "ACME");
      browser.click("#add-row-lines");
      browser.type("#field-lines-0-qty", "3");
      browser.type("#field-lines-0-price", "5");
      browser.waitFor("total computed live", () -> "15.00".equals(browser.property("#field-total", "value")));
      browser.screenshot("filled-live-total");
      browser.click("#submit");
      browser.waitFor("record page", () -> browser.driver().getCurrentUrl().contains("/records/"));
      browser.go("/apps/sales/forms/quote");
      browser.waitFor("record listed", () -> browser.text("#record-grid").contains("ACME"));
      browser.screenshot("record-in-list");
    }
  }

  private static void addField(Browser browser, String type, String target, String key, String label) {
    browser.dragAndDrop("#palette-" + type, target);
    browser.waitFor("new " + type + " selected", () -> browser.findAll("#prop-key").size() == 1
        && browser.property("#prop-key", "value").startsWith(type));
    browser.type("#prop-label", label);
    browser.type("#prop-key", key);
    browser.waitFor("card " + key, () -> !browser.findAll("#card-" + key).isEmpty());
  }
}
