package dev.tangram.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tangram.runtime.TangramApplication;
import dev.tangram.runtime.api.ApiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The embedded defaults keep their data in files: what was written is there after a restart. */
class EmbeddedDefaultsIntegrationTests {

  @TempDir
  Path dataDir;

  @Test
  void dataSurvivesARestartOfTheApplication() {
    try (ConfigurableApplicationContext first = start()) {
      ApiClient api = new ApiClient(port(first)).login("admin", "restart-pw");
      assertThat(api.send("POST", "/api/v1/apps", "{'key':'kept','name':'Kept'}").status()).isEqualTo(201);
    }
    assertThat(Files.exists(dataDir.resolve("mongo.mv"))).isTrue();
    assertThat(Files.exists(dataDir.resolve("flowable.mv.db"))).isTrue();

    try (ConfigurableApplicationContext second = start()) {
      ApiClient api = new ApiClient(port(second)).login("admin", "restart-pw");
      assertThat(api.get("/api/v1/apps/kept").body().get("name").asString()).isEqualTo("Kept");
    }
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(TangramApplication.class).run(
        "--server.port=0", "--tangram.data-dir=" + dataDir, "--tangram.admin.password=restart-pw", "--logging.level.root=WARN");
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }
}
