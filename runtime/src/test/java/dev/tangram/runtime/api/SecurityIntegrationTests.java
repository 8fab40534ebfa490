package dev.tangram.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** NoSQL injection, stored script payloads and security headers, through real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SecurityIntegrationTests {

  @LocalServerPort
  int port;

  @Test
  void injectionThroughIdsFieldNamesAndFilterValuesFindsNothingAndChangesNothing() {
    ApiClient admin = new ApiClient(port).login("admin", "test-admin-pw");
    admin.send("POST", "/api/v1/apps", "{'key':'sec','name':'Sec'}");
    admin.send("POST", "/api/v1/apps/sec/forms", "{'key':'note','name':'Note','fields':[{'key':'text','type':'text'}]}");
    admin.send("POST", "/api/v1/apps/sec/forms/note/publish", null);
    admin.send("POST", "/api/v1/apps/sec/forms/note/records", "{'data':{'text':'a'}}");
    String base = "/api/v1/apps/sec/forms/note/records";

    for (String id : new String[] {"{\"$ne\":null}", "$where", "000000000000000000000000"}) {
      String path = base + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
      assertThat(admin.get(path).status()).isEqualTo(404);
      assertThat(admin.send("DELETE", path, null).status()).isEqualTo(404);
    }
    for (String filter : new String[] {
        "[{\"field\":\"$where\",\"op\":\"eq\",\"value\":\"1\"}]",
        "[{\"field\":\"text.$ne\",\"op\":\"eq\",\"value\":\"1\"}]",
        "[{\"field\":\"text\",\"op\":\"$regex\",\"value\":\".*\"}]",
        "[{\"field\":\"text\",\"op\":\"in\",\"value\":{\"$gt\":\"\"}}]"}) {
      assertThat(admin.get(base + "?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8)).status()).isEqualTo(422);
    }
    assertThat(admin.send("POST", base, "{'data':{'$set':{'text':'b'}}}").status()).isEqualTo(422);
    assertThat(admin.get(base).body().get("total").asInt()).isEqualTo(1);
  }

  @Test
  void scriptPayloadsComeBackAsDataNeverAsMarkup() {
    ApiClient admin = new ApiClient(port).login("admin", "test-admin-pw");
    String payload = "<script>alert(1)</script>";
    admin.send("POST", "/api/v1/apps", "{'key':'xss','name':'" + payload + "'}");
    ApiClient.Response app = admin.get("/api/v1/apps/xss");
    assertThat(app.body().get("name").asString()).isEqualTo(payload);
    assertThat(app.header("Content-Type")).startsWith("application/json");
    assertThat(app.header("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void everyResponseCarriesSecurityHeadersEvenErrors() {
    ApiClient anonymous = new ApiClient(port);
    for (ApiClient.Response r : new ApiClient.Response[] {
        anonymous.get("/api/v1/apps"), anonymous.get("/actuator/health"), anonymous.get("/v3/api-docs"),
        anonymous.send("POST", "/api/v1/auth/login", "{'username':'x'}")}) {
      assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
      assertThat(r.header("Cache-Control")).contains("no-store");
    }
  }
}
