package dev.tangram.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AccessApiIntegrationTests {

  @LocalServerPort
  int port;

  @Test
  void membersSeeTheirOwnRecordsAndCannotDesignFormsUntilMadeAppAdmins() {
    ApiClient admin = new ApiClient(port).login("admin", "test-admin-pw");
    admin.send("POST", "/api/v1/apps", "{'key':'hr','name':'HR'}");
    admin.send("POST", "/api/v1/apps/hr/forms", "{'key':'leave','name':'Leave','fields':[{'key':'days','type':'number'}]}");
    admin.send("POST", "/api/v1/apps/hr/forms/leave/publish", null);
    for (String name : new String[] {"ann", "ben"}) {
      admin.send("POST", "/api/v1/users", "{'username':'" + name + "','displayName':'" + name + "','password':'password-of-" + name + "'}");
    }
    ApiClient ann = new ApiClient(port).login("ann", "password-of-ann");
    ApiClient ben = new ApiClient(port).login("ben", "password-of-ben");
    String annsLeave = ann.send("POST", "/api/v1/apps/hr/forms/leave/records", "{'data':{'days':2}}").body().get("_id").asString();
    ben.send("POST", "/api/v1/apps/hr/forms/leave/records", "{'data':{'days':5}}");

    assertThat(ann.get("/api/v1/apps/hr/forms/leave/records").body().get("total").asInt()).isEqualTo(1);
    assertThat(ben.get("/api/v1/apps/hr/forms/leave/records/" + annsLeave).status()).as("another's record does not exist for ben").isEqualTo(404);
    assertThat(admin.get("/api/v1/apps/hr/forms/leave/records").body().get("total").asInt()).isEqualTo(2);

    assertThat(ann.send("POST", "/api/v1/apps/hr/forms", "{'key':'x','name':'X'}").status()).isEqualTo(403);
    assertThat(ann.send("POST", "/api/v1/apps", "{'key':'mine'}").status()).isEqualTo(403);
    assertThat(ann.send("PUT", "/api/v1/apps/hr/forms/leave/permissions", "{'grants':[]}").status()).isEqualTo(403);

    assertThat(admin.send("PUT", "/api/v1/apps/hr/access", "{'admins':['user:ann'],'members':[]}").status()).isEqualTo(200);
    assertThat(ann.send("PUT", "/api/v1/apps/hr/forms/leave/permissions",
        "{'grants':[{'to':'everyone','operations':['SUBMIT','VIEW'],'scope':'ALL','fields':{'days':'READ'}}]}").status()).isEqualTo(200);
    assertThat(ben.get("/api/v1/apps/hr/forms/leave/records").body().get("total").asInt()).isEqualTo(2);
    assertThat(ben.send("PATCH", "/api/v1/apps/hr/forms/leave/records/" + annsLeave, "{'data':{'days':9}}").status()).isEqualTo(403);
    assertThat(ben.send("POST", "/api/v1/apps/hr/forms/leave/publish", null).status()).isEqualTo(403);
    ann.send("PUT", "/api/v1/apps/hr/forms/leave/permissions",
        "{'grants':[{'to':'user:ben','operations':['MANAGE'],'scope':'OWN'}]}");
    assertThat(ben.send("POST", "/api/v1/apps/hr/forms/leave/publish", null).status()).as("MANAGE lets ben publish").isEqualTo(200);
    assertThat(admin.get("/api/v1/audit").body().findValuesAsString("action")).contains("app.access", "form.permissions");
  }
}
