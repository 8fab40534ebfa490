package dev.tangram.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DirectoryApiIntegrationTests {

  @LocalServerPort
  int port;
  ApiClient admin;
  static int run;
  String suffix;

  @BeforeEach
  void setUp() {
    admin = new ApiClient(port).login("admin", "test-admin-pw");
    suffix = "r" + (++run);
    assertThat(admin.send("POST", "/api/v1/departments", "{'id':'hq" + suffix + "','name':'HQ'}").status()).isEqualTo(201);
    assertThat(admin.send("POST", "/api/v1/roles", "{'key':'fin" + suffix + "','name':'Finance'}").status()).isEqualTo(201);
  }

  @Test
  void adminCreatesAUserWhoCanThenLogIn() {
    ApiClient.Response created = admin.send("POST", "/api/v1/users", "{'username':'amy" + suffix + "','displayName':'Amy',"
        + "'departments':['hq" + suffix + "'],'roles':['fin" + suffix + "'],'password':'correct-horse-1'}");
    assertThat(created.status()).isEqualTo(201);
    ApiClient amy = new ApiClient(port).login("amy" + suffix, "correct-horse-1");
    assertThat(amy.get("/api/v1/departments").status()).isEqualTo(200);
    assertThat(amy.send("POST", "/api/v1/roles", "{'key':'boss','name':'Boss'}").status()).as("only admins change the directory").isEqualTo(403);
    assertThat(amy.get("/api/v1/audit").status()).isEqualTo(403);
    assertThat(admin.get("/api/v1/audit").body().findValuesAsString("target")).contains("user:amy" + suffix);
  }

  @Test
  void csvImportIsAllOrNothingWithPerRowErrors() {
    String header = "username,displayName,email,phone,departments,roles,password\n";
    ApiClient.Response refused = admin.sendRaw("POST", "/api/v1/users/import",
        header + "bo" + suffix + ",Bo,bo@x.cn,,hq" + suffix + ",,\ncy" + suffix + ",Cy,not-an-email,,nowhere,,short\n",
        "Content-Type", "text/csv");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body().get("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("row 3.email", "row 3.departments", "row 3.password");
    assertThat(admin.get("/api/v1/users").body().findValuesAsString("username")).doesNotContain("bo" + suffix);

    ApiClient.Response imported = admin.sendRaw("POST", "/api/v1/users/import",
        header + "bo" + suffix + ",Bo,bo@x.cn,,hq" + suffix + ",fin" + suffix + ",\"long, quoted pw\"\n", "Content-Type", "text/csv");
    assertThat(imported.status()).isEqualTo(201);
    assertThat(imported.body().get("imported").asInt()).isEqualTo(1);
    assertThat(new ApiClient(port).login("bo" + suffix, "long, quoted pw").get("/api/v1/users").status()).isEqualTo(200);
  }

  @Test
  void excelImportReadsTheFirstSheet() throws Exception {
    byte[] xlsx;
    try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
      var sheet = workbook.createSheet("users");
      String[][] rows = {{"username", "displayName", "email", "phone", "departments", "roles", "password"},
          {"xl" + suffix, "Excel Lee", "xl@x.cn", "13800000000", "hq" + suffix, "", ""}};
      for (int r = 0; r < rows.length; r++) {
        var row = sheet.createRow(r);
        for (int c = 0; c < rows[r].length; c++) {
          row.createCell(c).setCellValue(rows[r][c]);
        }
      }
      workbook.write(out);
      xlsx = out.toByteArray();
    }
    ApiClient.Response imported = admin.postBytes("/api/v1/users/import", xlsx,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(imported.status()).isEqualTo(201);
    assertThat(admin.get("/api/v1/users").body().findValuesAsString("username")).contains("xl" + suffix);
    assertThat(admin.postBytes("/api/v1/users/import", "not a workbook".getBytes(),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").status()).isEqualTo(422);
  }

  @Test
  void unknownMembersAndCyclesAreRefused() {
    assertThat(admin.send("POST", "/api/v1/roles", "{'key':'x" + suffix + "','name':'X','colour':'red'}").body()
        .get("errors").get(0).get("code").asString()).isEqualTo("unknownField");
    admin.send("POST", "/api/v1/departments", "{'id':'sub" + suffix + "','name':'Sub','parent':'hq" + suffix + "'}");
    ApiClient.Response cycle = admin.send("PUT", "/api/v1/departments/hq" + suffix, "{'id':'hq" + suffix + "','name':'HQ','parent':'sub" + suffix + "'}");
    assertThat(cycle.status()).isEqualTo(422);
    assertThat(cycle.body().get("errors").get(0).get("code").asString()).isEqualTo("cycle");
  }
}
