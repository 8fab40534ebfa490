package dev.tangram.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RecordApiIntegrationTests {

  @LocalServerPort
  int port;
  ApiClient api;
  static int appCounter;
  String app;
  String forms;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port).login("admin", "test-admin-pw");
    app = "app" + (++appCounter);
    forms = "/api/v1/apps/" + app + "/forms";
    assertThat(api.send("POST", "/api/v1/apps", "{'key':'" + app + "','name':'Test'}").status()).isEqualTo(201);
    assertThat(api.send("POST", forms, "{'key':'order','name':'Order','fields':["
        + "{'key':'title','type':'text','required':true,'maxLength':20},"
        + "{'key':'amount','type':'money','min':0,'indexed':true},"
        + "{'key':'no','type':'serial','pattern':'SO-{seq:5}'}]}").status()).isEqualTo(201);
    assertThat(api.send("POST", forms + "/order/publish", null).body().get("version").asInt()).isEqualTo(1);
  }

  private long total() {
    return api.get(forms + "/order/records").body().get("total").asLong();
  }

  @Test
  void submitReadPatchAndHistoryThroughHttp() {
    ApiClient.Response created = api.send("POST", forms + "/order/records", "{'data':{'title':'Desk','amount':199.9}}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("ETag")).isEqualTo("\"1\"");
    String id = created.body().get("_id").asString();
    assertThat(created.body().get("data").get("no").asString()).isEqualTo("SO-00001");
    assertThat(created.body().get("data").get("amount").toString()).isEqualTo("199.90");

    ApiClient.Response patched = api.send("PATCH", forms + "/order/records/" + id, "{'data':{'amount':0.3}}", "If-Match", "\"1\"");
    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.header("ETag")).isEqualTo("\"2\"");

    ApiClient.Response stale = api.send("PATCH", forms + "/order/records/" + id, "{'data':{'amount':5}}", "If-Match", "\"1\"");
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.body().get("errors").get(0).get("code").asString()).isEqualTo("staleVersion");
    assertThat(api.get(forms + "/order/records/" + id).body().get("data").get("amount").toString()).isEqualTo("0.30");

    ApiClient.Response history = api.get(forms + "/order/records/" + id + "/history");
    assertThat(history.body()).hasSize(2);
    assertThat(history.body().get(1).get("actor").asString()).isEqualTo("admin");
    assertThat(history.body().get(1).get("changes").get(0).get("field").asString()).isEqualTo("amount");
  }

  @Test
  void badInputGetsFieldLevelErrorsAndStoresNothing() {
    ApiClient.Response wrong = api.send("POST", forms + "/order/records", "{'data':{'title':'" + "x".repeat(21) + "','amount':'ten','colour':1}}");
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(wrong.body().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("title", "amount", "colour");

    assertThat(api.sendRaw("POST", forms + "/order/records", "{\"data\": {\"title\": ").status()).isEqualTo(400);
    assertThat(api.send("POST", forms + "/order/records", "{'data':{'title':'A'},'status':'approved'}").status()).isEqualTo(422);
    assertThat(api.send("POST", forms + "/order/records", "{'data':{'title':'A','createdBy':'mallory'}}").status()).isEqualTo(422);
    ApiClient.Response tooLarge = api.sendRaw("POST", forms + "/order/records", "{\"data\":{\"title\":\"" + "x".repeat(70_000) + "\"}}");
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.body().get("errors").get(0).get("code").asString()).isEqualTo("tooLarge");
    assertThat(total()).isZero();
  }

  @Test
  void queryUsesAllowListedOperatorsOnly() {
    for (int i = 1; i <= 5; i++) {
      api.send("POST", forms + "/order/records", "{'data':{'title':'T" + i + "','amount':" + (i * 10) + "}}");
    }
    String filter = URLEncoder.encode("[{\"field\":\"amount\",\"op\":\"gt\",\"value\":20}]", StandardCharsets.UTF_8);
    ApiClient.Response page = api.get(forms + "/order/records?filter=" + filter + "&sort=-amount&size=2");
    assertThat(page.body().get("total").asLong()).isEqualTo(3);
    assertThat(page.body().get("items").findValuesAsString("title")).containsExactly("T5", "T4");

    String injection = URLEncoder.encode("[{\"field\":\"title\",\"op\":\"eq\",\"value\":{\"$ne\":null}}]", StandardCharsets.UTF_8);
    assertThat(api.get(forms + "/order/records?filter=" + injection).status()).isEqualTo(422);
    assertThat(api.get(forms + "/order/records?filter=nope").status()).isEqualTo(400);
    assertThat(api.get(forms + "/order/records?page=x").status()).isEqualTo(400);
  }

  @Test
  void apiIsNeverOpen() {
    ApiClient anonymous = new ApiClient(port);
    assertThat(anonymous.get("/api/v1/apps").status()).isEqualTo(401);
    assertThat(anonymous.withToken("tgm_forged").get("/api/v1/apps").status()).isEqualTo(401);
    assertThat(anonymous.send("POST", "/api/v1/auth/login", "{'username':'admin','password':'wrong'}").status()).isEqualTo(401);
  }

  @Test
  void repeatedWrongPasswordsLockTheUserOut() {
    api.send("POST", "/api/v1/users", "{'username':'guess" + app + "','displayName':'G','password':'right-password-1'}");
    ApiClient anonymous = new ApiClient(port);
    for (int i = 0; i < 3; i++) {
      assertThat(anonymous.send("POST", "/api/v1/auth/login", "{'username':'guess" + app + "','password':'wrong'}").status()).isEqualTo(401);
    }
    ApiClient.Response locked = anonymous.send("POST", "/api/v1/auth/login", "{'username':'guess" + app + "','password':'right-password-1'}");
    assertThat(locked.status()).isEqualTo(429);
    assertThat(locked.header("Retry-After")).isNotBlank();
  }

  @Test
  void readOnlyTokenCannotWriteAndRevokedTokenStopsWorking() {
    ApiClient.Response created = api.send("POST", "/api/v1/tokens", "{'name':'reporting','scopes':['read'],'expiresInDays':30}");
    assertThat(created.status()).isEqualTo(201);
    ApiClient reporter = new ApiClient(port).withToken(created.body().get("token").asString());
    assertThat(reporter.get("/api/v1/apps").status()).isEqualTo(200);
    assertThat(reporter.send("POST", "/api/v1/apps", "{'key':'nope'}").status()).isEqualTo(403);

    assertThat(api.send("DELETE", "/api/v1/tokens/" + created.body().get("id").asString(), null).status()).isEqualTo(204);
    assertThat(reporter.get("/api/v1/apps").status()).isEqualTo(401);
  }

  @Test
  void invalidFormDefinitionListsEveryProblem() {
    ApiClient.Response r = api.send("POST", forms, "{'key':'bad','name':'B','fields':[{'key':'a','type':'widget'},{'key':'a','type':'text'},{'key':'n','type':'number','min':5,'max':1}]}");
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.body().get("errors").findValuesAsString("code")).containsExactlyInAnyOrder("unknownType", "duplicate", "minAboveMax");
    assertThat(api.get(forms).body().findValuesAsString("key")).containsExactly("order");
  }

  @Test
  void healthAndOpenApiAreServed() {
    ApiClient anonymous = new ApiClient(port);
    assertThat(anonymous.get("/actuator/health").body().get("status").asString()).isEqualTo("UP");
    ApiClient.Response docs = anonymous.get("/v3/api-docs");
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.body().get("paths").has("/api/v1/apps/{app}/forms/{form}/records")).isTrue();
    assertThat(anonymous.get("/api/v1/apps").header("X-Content-Type-Options")).isEqualTo("nosniff");
  }
}
