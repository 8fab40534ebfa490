package dev.tangram.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The browser side: a session from the login form, which is protected against CSRF. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FormLoginIntegrationTests {

  @LocalServerPort
  int port;

  /** Vaadin's login page carries the session's CSRF token in a meta tag, which its login form sends. */
  private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

  private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

  @Test
  void loginFormNeedsItsCsrfTokenAndThenOpensASession() throws Exception {
    String page = browser.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body();
    Matcher csrf = CSRF_META.matcher(page);
    assertThat(csrf.find()).as("the login page carries a CSRF token").isTrue();

    HttpResponse<String> tokenless = browser.send(post("/login", "username=admin&password=test-admin-pw"), HttpResponse.BodyHandlers.ofString());
    assertThat(tokenless.statusCode()).as("without the token").isIn(302, 403);
    assertThat(tokenless.headers().firstValue("Location").orElse("/login")).as("without the token, back to the login").endsWith("/login");
    assertThat(browser.send(get("/"), HttpResponse.BodyHandlers.ofString()).headers().firstValue("Location").orElse(""))
        .as("still logged out").endsWith("/login");
    HttpResponse<String> wrong = browser.send(post("/login", "username=admin&password=nope&_csrf=" + enc(csrf.group(1))),
        HttpResponse.BodyHandlers.ofString());
    assertThat(wrong.headers().firstValue("Location").orElse("")).contains("error");

    page = browser.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body();
    csrf = CSRF_META.matcher(page);
    assertThat(csrf.find()).isTrue();
    HttpResponse<String> ok = browser.send(post("/login", "username=admin&password=test-admin-pw&_csrf=" + enc(csrf.group(1))),
        HttpResponse.BodyHandlers.ofString());
    assertThat(ok.statusCode()).isEqualTo(302);
    assertThat(ok.headers().firstValue("Location").orElse("")).doesNotContain("error");
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build();
  }

  private HttpRequest post(String path, String form) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build();
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
