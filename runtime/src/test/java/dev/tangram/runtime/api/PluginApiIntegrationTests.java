package dev.tangram.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tangram.engine.common.Json;
import dev.tangram.engine.testing.SharedCases;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/** The shipped plugins are discovered and callable over HTTP with the reference cases' inputs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PluginApiIntegrationTests {

  @LocalServerPort
  int port;

  @Test
  void mrpAndLedgerAreListedAndAnswerTheirReferenceCases() throws Exception {
    ApiClient admin = new ApiClient(port).login("admin", "test-admin-pw");
    assertThat(admin.get("/api/v1/plugins").body().findValuesAsString("id")).contains("mrp", "ledger");
    admin.send("POST", "/api/v1/apps", "{'key':'plan','name':'Planning'}");

    JsonNode mrpCase = Json.MAPPER.readTree(Files.readString(SharedCases.directory().resolve("mrp-01-single-level-lot-for-lot.json")));
    ApiClient.Response plan = admin.sendRaw("POST", "/api/v1/apps/plan/plugins/mrp/plan", mrpCase.get("inputs").toString());
    assertThat(plan.status()).isEqualTo(200);
    assertThat(plan.body().toString()).contains("\"item\":\"B\"");

    JsonNode ledgerCase = Json.MAPPER.readTree(Files.readString(SharedCases.directory().resolve("ledger-01-purchase-receipt-invoice-payment.json")));
    ApiClient.Response simulated = admin.sendRaw("POST", "/api/v1/apps/plan/plugins/ledger/simulate", ledgerCase.get("inputs").toString());
    assertThat(simulated.status()).isEqualTo(200);
    assertThat(simulated.body().has("trialBalance")).isTrue();

    ApiClient.Response bad = admin.sendRaw("POST", "/api/v1/apps/plan/plugins/mrp/plan", "{\"items\": 5}");
    assertThat(bad.status()).isEqualTo(422);
    assertThat(admin.sendRaw("POST", "/api/v1/apps/plan/plugins/nope/run", "{}").status()).isEqualTo(404);
  }

}
