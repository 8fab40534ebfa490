package dev.tangram.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tangram.engine.common.Json;
import dev.tangram.engine.webhooks.LocalReceiver;
import dev.tangram.engine.webhooks.WebhookSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/** Webhooks over real HTTP both ways: subscriptions and their log, and signed inbound trigger calls. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tangram.webhooks.allowed-hosts=127.0.0.1")
@ActiveProfiles("test")
class WebhookApiIntegrationTests {

  @LocalServerPort
  int port;
  ApiClient api;
  LocalReceiver receiver;
  static int appCounter;
  String app;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port).login("admin", "test-admin-pw");
    app = "hooks" + (++appCounter);
    assertThat(api.send("POST", "/api/v1/apps", "{'key':'" + app + "','name':'Hooks'}").status()).isEqualTo(201);
    assertThat(api.send("POST", "/api/v1/apps/" + app + "/forms", "{'key':'lead','name':'Lead','fields':["
        + "{'key':'name','type':'text','required':true,'maxLength':30},{'key':'value','type':'money','min':0}]}").status()).isEqualTo(201);
    api.send("POST", "/api/v1/apps/" + app + "/forms/lead/publish", null);
    receiver = new LocalReceiver();
  }

  @AfterEach
  void tearDown() {
    receiver.close();
  }

  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Test
  void subscribeReceiveSignedAndReadTheLog() {
    ApiClient.Response created = api.send("POST", "/api/v1/webhooks", "{'app':'" + app + "','form':'lead',"
        + "'events':['record.created'],'url':'" + receiver.url("/crm") + "'}");
    assertThat(created.status()).isEqualTo(201);
    String id = created.body().at("/webhook/id").asString();
    String secret = created.body().get("secret").asString();
    assertThat(api.get("/api/v1/webhooks").body().toString()).contains(id).doesNotContain(secret);

    api.send("POST", "/api/v1/apps/" + app + "/forms/lead/records", "{'data':{'name':'ACME','value':10}}");
    await("delivered", () -> api.get("/api/v1/webhooks/" + id + "/deliveries?state=delivered").body().size() == 1);
    LocalReceiver.Received got = receiver.at("/crm").getFirst();
    WebhookSignature.verify(secret, got.id(), got.timestamp(), got.signature(), got.body(), Instant.now());
    assertThat(Json.MAPPER.readTree(got.body()).at("/data/record/data/name").asString()).isEqualTo("ACME");
    JsonNode delivery = api.get("/api/v1/webhooks/" + id + "/deliveries").body().get(0);
    assertThat(delivery.get("id").asString()).isEqualTo(got.id());
    assertThat(delivery.at("/log/0/status").asInt()).isEqualTo(200);

    assertThat(api.send("POST", "/api/v1/webhooks/" + id + "/deliveries/" + got.id() + "/redeliver", null).status()).isEqualTo(202);
    await("redelivered", () -> receiver.at("/crm").size() == 2);
    assertThat(receiver.at("/crm").get(1).id()).isEqualTo(got.id());
  }

  @Test
  void badSubscriptionsAreFieldErrors() {
    ApiClient.Response metadata = api.send("POST", "/api/v1/webhooks", "{'app':'" + app + "','events':['record.created'],"
        + "'url':'http://169.254.169.254/latest/meta-data'}");
    assertThat(metadata.status()).isEqualTo(422);
    assertThat(metadata.body().at("/errors/0/code").asString()).isEqualTo("forbiddenAddress");
    ApiClient.Response wrong = api.send("POST", "/api/v1/webhooks", "{'app':'" + app + "','events':['record.eaten'],'colour':'red'}");
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(api.get("/api/v1/webhooks/000000000000000000000000/deliveries").status()).isEqualTo(404);
    assertThat(new ApiClient(port).get("/api/v1/webhooks").status()).isEqualTo(401);
  }

  @Test
  void aSignedInboundCallCreatesARecordOnceAndBadCallsStoreNothing() throws Exception {
    ApiClient.Response created = api.send("POST", "/api/v1/apps/" + app + "/triggers", "{'name':'website','action':'createRecord',"
        + "'form':'lead','mapping':{'fields':{'name':'$.contact.company','value':'$.budget'}}}");
    assertThat(created.status()).isEqualTo(201);
    String path = created.body().at("/trigger/path").asString();
    String secret = created.body().get("secret").asString();
    String body = "{\"contact\":{\"company\":\"Globex\"},\"budget\":5000}";
    long now = Instant.now().getEpochSecond();

    HttpResponse<String> ok = hook(path, body, "msg_1", now, secret, "Idempotency-Key", "lead-1");
    assertThat(ok.statusCode()).isEqualTo(201);
    String recordId = Json.MAPPER.readTree(ok.body()).at("/record/id").asString();
    assertThat(api.get("/api/v1/apps/" + app + "/forms/lead/records/" + recordId).body().at("/data/name").asString()).isEqualTo("Globex");

    HttpResponse<String> retried = hook(path, body, "msg_2", now, secret, "Idempotency-Key", "lead-1");
    assertThat(retried.statusCode()).isEqualTo(201);
    assertThat(retried.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(Json.MAPPER.readTree(retried.body()).at("/record/id").asString()).isEqualTo(recordId);

    assertThat(hook(path, body, "msg_1", now, secret).statusCode()).as("replayed id").isEqualTo(401);
    assertThat(hook(path, body, "msg_3", now - 600, secret).statusCode()).as("stale").isEqualTo(401);
    assertThat(hook(path, body, "msg_4", now, "whsec_" + "A".repeat(44)).statusCode()).as("wrong secret").isEqualTo(401);
    assertThat(post(path, body).statusCode()).as("unsigned").isEqualTo(401);
    HttpResponse<String> invalid = hook(path, "{\"contact\":{\"company\":\"" + "x".repeat(40) + "\"},\"budget\":-5}", "msg_5", now, secret);
    assertThat(invalid.statusCode()).isEqualTo(422);
    assertThat(invalid.body()).contains("\"field\":\"name\"").contains("\"field\":\"value\"");
    assertThat(post("/hooks/no-such-token", body).statusCode()).isEqualTo(404);
    assertThat(api.get("/api/v1/apps/" + app + "/forms/lead/records").body().get("total").asLong()).isEqualTo(1);

    HttpResponse<String> bearer = post(path, body, "Authorization", "Bearer " + created.body().get("bearerToken").asString());
    assertThat(bearer.statusCode()).isEqualTo(201);
    assertThat(api.get("/api/v1/apps/" + app + "/triggers").body().get(0).get("name").asString()).isEqualTo("website");
  }

  @Test
  void aSignedCallApprovesOrRejectsTheOpenTaskOfARecordAsTheTriggersUser() throws Exception {
    String bank = "bank" + app;
    String clerk = "clerk" + app;
    api.send("POST", "/api/v1/users", "{'username':'" + bank + "','displayName':'Bank','password':'password-of-bank'}");
    api.send("POST", "/api/v1/users", "{'username':'" + clerk + "','displayName':'Clerk','password':'password-of-clerk'}");
    api.send("POST", "/api/v1/apps/" + app + "/forms", "{'key':'po','name':'Purchase order','fields':["
        + "{'key':'no','type':'text','required':true},{'key':'amount','type':'money'}]}");
    api.send("POST", "/api/v1/apps/" + app + "/forms/po/publish", null);
    api.send("PUT", "/api/v1/apps/" + app + "/access", "{'admins':['user:admin'],'members':['everyone']}");
    api.send("PUT", "/api/v1/apps/" + app + "/forms/po/permissions", "{'grants':[{'to':'everyone','operations':['SUBMIT','VIEW'],'scope':'ALL'}]}");
    assertThat(api.send("PUT", "/api/v1/apps/" + app + "/forms/po/flow",
        "{'nodes':[{'id':'pay','type':'approve','name':'Payment','assignee':{'kind':'user','user':'" + bank + "'}}]}").status()).isEqualTo(200);

    ApiClient.Response byNo = api.send("POST", "/api/v1/apps/" + app + "/triggers", "{'name':'bank decision','action':'completeTask',"
        + "'form':'po','user':'" + bank + "','task':{'record':{'field':'no','value':'$.ref'},'decision':'$.result','comment':'$.note'}}");
    assertThat(byNo.status()).isEqualTo(201);
    assertThat(byNo.body().at("/trigger/user").asString()).isEqualTo(bank);
    String path = byNo.body().at("/trigger/path").asString();
    String secret = byNo.body().get("secret").asString();
    String first = recordOf("PO-1");
    String second = recordOf("PO-2");
    long now = Instant.now().getEpochSecond();

    String approve = "{\"ref\":\"PO-1\",\"result\":\"approve\",\"note\":\"paid by wire\"}";
    HttpResponse<String> approved = hook(path, approve, "msg_t1", now, secret, "Idempotency-Key", "pay-1");
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    JsonNode result = Json.MAPPER.readTree(approved.body());
    assertThat(result.at("/record/id").asString()).isEqualTo(first);
    assertThat(result.at("/task/decision").asString()).isEqualTo("approve");
    assertThat(result.at("/task/by").asString()).isEqualTo(bank);
    assertThat(api.get("/api/v1/apps/" + app + "/forms/po/records/" + first).body().get("status").asString()).isEqualTo("approved");
    JsonNode timeline = api.get("/api/v1/apps/" + app + "/forms/po/records/" + first + "/timeline").body();
    assertThat(timeline.findValuesAsString("action")).containsExactly("submitted", "approve", "completed");
    assertThat(timeline.get(1).get("actor").asString()).isEqualTo(bank);
    assertThat(timeline.get(1).get("comment").asString()).isEqualTo("paid by wire");

    HttpResponse<String> again = hook(path, approve, "msg_t2", now, secret, "Idempotency-Key", "pay-1");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(again.body()).isEqualTo(approved.body());
    HttpResponse<String> noTask = hook(path, approve, "msg_t3", now, secret, "Idempotency-Key", "pay-1-other-key");
    assertThat(noTask.statusCode()).isEqualTo(409);
    assertThat(noTask.body()).contains("noOpenTask").contains("has no open task");

    HttpResponse<String> badDecision = hook(path, "{\"ref\":\"PO-2\",\"result\":\"maybe\"}", "msg_t4", now, secret);
    assertThat(badDecision.statusCode()).isEqualTo(422);
    assertThat(badDecision.body()).contains("\"field\":\"decision\"");
    assertThat(hook(path, "{\"ref\":\"PO-404\",\"result\":\"approve\"}", "msg_t5", now, secret).statusCode()).isEqualTo(404);
    assertThat(post(path, "{\"ref\":\"PO-2\",\"result\":\"approve\"}").statusCode()).as("unsigned").isEqualTo(401);

    ApiClient.Response asClerk = api.send("POST", "/api/v1/apps/" + app + "/triggers", "{'name':'clerk decision','action':'completeTask',"
        + "'form':'po','user':'" + clerk + "','task':{'record':{'id':'$.id'},'decision':'reject'}}");
    HttpResponse<String> notAssignee = hook(asClerk.body().at("/trigger/path").asString(), "{\"id\":\"" + second + "\"}", "msg_t6", now,
        asClerk.body().get("secret").asString());
    assertThat(notAssignee.statusCode()).isEqualTo(403);
    assertThat(notAssignee.body()).contains(clerk + " is not its assignee");
    assertThat(api.get("/api/v1/apps/" + app + "/forms/po/records/" + second).body().get("status").asString()).isEqualTo("in_approval");

    ApiClient.Response byId = api.send("POST", "/api/v1/apps/" + app + "/triggers", "{'name':'bank refusal','action':'completeTask',"
        + "'form':'po','user':'" + bank + "','task':{'record':{'id':'$.id'},'decision':'reject','comment':'$.why'}}");
    HttpResponse<String> rejected = post(byId.body().at("/trigger/path").asString(), "{\"id\":\"" + second + "\",\"why\":\"no funds\"}",
        "Authorization", "Bearer " + byId.body().get("bearerToken").asString());
    assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
    assertThat(api.get("/api/v1/apps/" + app + "/forms/po/records/" + second).body().get("status").asString()).isEqualTo("rejected");
  }

  @Test
  void badTaskTriggersAreFieldErrors() {
    ApiClient.Response noTask = api.send("POST", "/api/v1/apps/" + app + "/triggers", "{'name':'x','action':'completeTask','form':'lead'}");
    assertThat(noTask.status()).isEqualTo(422);
    assertThat(noTask.body().at("/errors/0/field").asString()).isEqualTo("task");
    ApiClient.Response wrong = api.send("POST", "/api/v1/apps/" + app + "/triggers", "{'name':'x','action':'completeTask','form':'lead',"
        + "'user':'nobody-here','mapping':{'fields':{}},'task':{'record':{'field':'colour','value':'$.c'},'decision':'perhaps','comment':'c'}}");
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(wrong.body().findValuesAsString("field")).containsExactlyInAnyOrder("mapping", "user");
    ApiClient.Response badTask = api.send("POST", "/api/v1/apps/" + app + "/triggers", "{'name':'x','action':'completeTask','form':'lead',"
        + "'task':{'record':{'field':'colour','value':'$.c'},'decision':'perhaps','comment':'c'}}");
    assertThat(badTask.status()).isEqualTo(422);
    assertThat(badTask.body().findValuesAsString("field")).containsExactlyInAnyOrder("task.record.field", "task.decision", "task.comment");
    assertThat(api.get("/api/v1/apps/" + app + "/triggers").body().size()).isZero();
  }

  private String recordOf(String no) {
    ApiClient.Response created = api.send("POST", "/api/v1/apps/" + app + "/forms/po/records", "{'data':{'no':'" + no + "','amount':100}}");
    assertThat(created.body().get("status").asString()).isEqualTo("in_approval");
    return created.body().get("_id").asString();
  }

  @Test
  void onlyAppAdminsManageTriggers() {
    api.send("POST", "/api/v1/users", "{'username':'member" + app + "','displayName':'M','password':'member-password-1'}");
    ApiClient member = new ApiClient(port).login("member" + app, "member-password-1");
    assertThat(member.send("POST", "/api/v1/apps/" + app + "/triggers", "{'name':'x','action':'createRecord','form':'lead'}").status())
        .isEqualTo(403);
    assertThat(member.get("/api/v1/apps/" + app + "/triggers").status()).isEqualTo(403);
  }

  private HttpResponse<String> hook(String path, String body, String id, long timestamp, String secret, String... extra) throws Exception {
    String[] headers = new String[6 + extra.length];
    headers[0] = "webhook-id";
    headers[1] = id;
    headers[2] = "webhook-timestamp";
    headers[3] = Long.toString(timestamp);
    headers[4] = "webhook-signature";
    headers[5] = WebhookSignature.sign(secret, id, timestamp, body);
    System.arraycopy(extra, 0, headers, 6, extra.length);
    return post(path, body, headers);
  }

  private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
