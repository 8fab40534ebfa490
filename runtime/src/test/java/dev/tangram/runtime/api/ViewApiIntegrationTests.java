package dev.tangram.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ViewApiIntegrationTests {

  @LocalServerPort
  int port;

  @Test
  void adminsSaveDashboardsMembersReadTheirDataWithinTheirRowsAndFields() {
    ApiClient admin = new ApiClient(port).login("admin", "test-admin-pw");
    admin.send("POST", "/api/v1/apps", "{'key':'shop','name':'Shop'}");
    admin.send("POST", "/api/v1/apps/shop/forms", "{'key':'sale','name':'Sale','fields':[{'key':'region','type':'select','options':['north','south']},"
        + "{'key':'amount','type':'money'},{'key':'margin','type':'money'}]}");
    admin.send("POST", "/api/v1/apps/shop/forms/sale/publish", null);
    admin.send("POST", "/api/v1/users", "{'username':'val','displayName':'Val','password':'password-of-val'}");
    ApiClient val = new ApiClient(port).login("val", "password-of-val");
    val.send("POST", "/api/v1/apps/shop/forms/sale/records", "{'data':{'region':'north','amount':10.10,'margin':1}}");
    admin.send("POST", "/api/v1/apps/shop/forms/sale/records", "{'data':{'region':'north','amount':0.20,'margin':2}}");
    admin.send("POST", "/api/v1/apps/shop/forms/sale/records", "{'data':{'region':'south','amount':5,'margin':3}}");

    String board = "{'type':'dashboard','title':{'en':'Sales','zh-CN':'销售'},'widgets':["
        + "{'type':'sum','form':'sale','field':'amount','chart':'number'},"
        + "{'type':'count','form':'sale','groupBy':'region','chart':'pie'}]}";
    assertThat(val.send("PUT", "/api/v1/apps/shop/views/sales", board).status()).isEqualTo(403);
    ApiClient.Response bad = admin.send("PUT", "/api/v1/apps/shop/views/sales",
        "{'type':'dashboard','widgets':[{'type':'sum','form':'sale','field':'region','chart':'donut'}]}");
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.body().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("widgets[0].chart", "widgets[0].field");
    assertThat(admin.get("/api/v1/apps/shop/views").body()).isEmpty();

    assertThat(admin.send("PUT", "/api/v1/apps/shop/views/sales", board).status()).isEqualTo(200);
    JsonNode all = admin.get("/api/v1/apps/shop/views/sales/data").body().get("widgets");
    assertThat(all.get(0).get("aggregate").get("value").decimalValue()).isEqualByComparingTo("15.30");
    assertThat(all.get(1).get("aggregate").get("groups").findValuesAsString("key")).containsExactly("north", "south");

    JsonNode own = val.get("/api/v1/apps/shop/views/sales/data").body().get("widgets"); // default grant: own records
    assertThat(own.get(0).get("aggregate").get("value").decimalValue()).isEqualByComparingTo("10.10");
    assertThat(val.get("/api/v1/apps/shop/views").body().propertyNames()).containsExactly("sales");

    admin.send("PUT", "/api/v1/apps/shop/forms/sale/permissions",
        "{'grants':[{'to':'everyone','operations':['SUBMIT','VIEW'],'scope':'ALL','fields':{'margin':'HIDDEN'}}]}");
    JsonNode hidden = val.send("POST", "/api/v1/apps/shop/views/widget", "{'type':'sum','form':'sale','field':'margin'}").body();
    assertThat(hidden.get("aggregate").isNull()).isTrue();
    assertThat(hidden.get("errors").findValuesAsString("code")).containsExactly("forbidden");
    JsonNode visible = val.send("POST", "/api/v1/apps/shop/views/widget", "{'type':'sum','form':'sale','field':'amount'}").body();
    assertThat(visible.get("aggregate").get("value").decimalValue()).isEqualByComparingTo("15.30");

    assertThat(val.send("DELETE", "/api/v1/apps/shop/views/sales", null).status()).isEqualTo(403);
    assertThat(admin.send("DELETE", "/api/v1/apps/shop/views/sales", null).status()).isEqualTo(204);
    assertThat(admin.get("/api/v1/apps/shop/views/sales").status()).isEqualTo(404);
  }
}
