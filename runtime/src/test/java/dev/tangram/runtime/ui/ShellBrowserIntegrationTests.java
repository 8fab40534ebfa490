package dev.tangram.runtime.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tangram.engine.apps.AppService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The shell in a real browser: login, the launcher with its app tiles, the language switch, phone width. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ShellBrowserIntegrationTests {

  @LocalServerPort
  int port;

  @Autowired
  AppService apps;

  @Test
  void logInSeeTheLauncherAndSwitchTheLanguage() {
    apps.create("crm", "Customers", "Leads, customers and their orders", "admin");
    try (Browser browser = Browser.open("http://127.0.0.1:" + port, "shell")) {
      browser.go("/");
      browser.find("vaadin-login-form");
      browser.screenshot("login");

      browser.type("vaadin-text-field[name='username']", "admin");
      browser.type("vaadin-password-field[name='password']", "wrong-password");
      browser.click("vaadin-button[slot='submit']");
      browser.waitFor("error shown", () -> browser.bodyText().contains("Wrong user name or password"));
      browser.screenshot("login-refused");

      browser.type("vaadin-text-field[name='username']", "admin");
      browser.type("vaadin-password-field[name='password']", "test-admin-pw");
      browser.click("vaadin-button[slot='submit']");
      browser.find("#tile-crm");
      assertThat(browser.text("#tile-crm")).contains("Customers");
      assertThat(browser.bodyText()).contains("Apps");
      browser.screenshot("launcher-en");

      browser.click("#language-switch");
      browser.click("vaadin-select-item:nth-of-type(1)");
      browser.waitFor("labels in Chinese", () -> browser.bodyText().contains("应用"));
      browser.find("#tile-crm");
      assertThat(browser.bodyText()).contains("全部应用", "退出登录");
      browser.screenshot("launcher-zh");

      browser.resize(390, 844);
      browser.screenshot("launcher-phone");

      browser.click("#tile-crm");
      browser.waitFor("app page", () -> browser.driver().getCurrentUrl().endsWith("/apps/crm"));
      browser.screenshot("app-home-phone");
    }
  }
}
