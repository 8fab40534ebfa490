package dev.tangram.runtime.api.templates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tangram.runtime.api.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The inventory template's purchase-order flow: an order up to {@code poApprovalAmount} goes
 * through the empty default branch and is approved at once (not after the flow repair's pass); one
 * above it waits for the general manager.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PurchaseOrderApprovalIntegrationTests {

  static final String BASE = "/api/v1/apps/inventory/forms/";

  @LocalServerPort
  int port;

  @Test
  void anOrderBelowTheLimitIsApprovedAtOnceAndOneAboveWaitsForTheGeneralManager() throws InterruptedException {
    ApiClient admin = new ApiClient(port).login("admin", "test-admin-pw");
    ApiClient.Response installed = admin.send("POST", "/api/v1/templates/inventory/install", "{'locale':'en'}");
    assertThat(installed.status()).as(installed.body().toString()).isIn(200, 201);
    String code = "P" + System.nanoTime();
    String supplier = create(admin, "supplier", "{'name':'Acme " + code + "'}");
    String item = create(admin, "item", "{'code':'" + code + "','name':'Bolt'}");

    String small = create(admin, "purchase_order", "{'supplier':'" + supplier + "','orderDate':'2026-11-23','lines':[{'item':'" + item + "','qty':10,'price':2}]}");
    String big = create(admin, "purchase_order", "{'supplier':'" + supplier + "','orderDate':'2026-11-23','lines':[{'item':'" + item + "','qty':100000,'price':2}]}");

    assertThat(awaitStatus(admin, small, "approved")).as(() -> admin.send("GET", BASE + "purchase_order/records/" + small, null).body().toString()
        + "\nTIMELINE " + admin.send("GET", BASE + "purchase_order/records/" + small + "/timeline", null).body()
        + "\nHISTORY " + admin.send("GET", BASE + "purchase_order/records/" + small + "/history", null).body()).isEqualTo("approved");
    assertThat(awaitStatus(admin, big, "in_approval")).isEqualTo("in_approval");
    Thread.sleep(1000); // still waiting a moment later: the big order is not approved by anyone
    assertThat(status(admin, big)).isEqualTo("in_approval");
  }

  static String create(ApiClient client, String form, String data) {
    ApiClient.Response r = client.send("POST", BASE + form + "/records", "{'data':" + data + "}");
    assertThat(r.status()).as(form + ": " + r.body()).isEqualTo(201);
    return r.body().get("_id").asString();
  }

  /** Polls for up to 10 s, far below the flow repair's 30 s grace, and returns the last status seen. */
  static String awaitStatus(ApiClient client, String id, String expected) throws InterruptedException {
    String status = status(client, id);
    for (int i = 0; i < 100 && !expected.equals(status); i++) {
      Thread.sleep(100);
      status = status(client, id);
    }
    return status;
  }

  static String status(ApiClient client, String id) {
    return client.send("GET", BASE + "purchase_order/records/" + id, null).body().get("status").asString();
  }
}
