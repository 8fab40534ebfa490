package dev.tangram.runtime.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On the first start, creates the {@code admin} user with {@code TANGRAM_ADMIN_PASSWORD}
 * (property {@code tangram.admin.password}) or with a random password printed once to the log.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
  private final UserAccounts users;
  private final String configuredPassword;

  AdminBootstrap(UserAccounts users, @Value("${tangram.admin.password:${TANGRAM_ADMIN_PASSWORD:}}") String configuredPassword) {
    this.users = users;
    this.configuredPassword = configuredPassword;
  }

  @Override
  public void run(ApplicationArguments args) {
    boolean generated = configuredPassword.isBlank();
    String password = generated ? randomPassword() : configuredPassword;
    if (users.createIfAbsent("admin", password, List.of("ADMIN"))) {
      if (generated) {
        log.warn("\n\n  Created user 'admin' with the one-time password: {}\n  It is shown only this once; set TANGRAM_ADMIN_PASSWORD to choose your own.\n", password);
      } else {
        log.info("Created user 'admin' with the password from TANGRAM_ADMIN_PASSWORD");
      }
    }
  }

  private static String randomPassword() {
    byte[] bytes = new byte[15];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
