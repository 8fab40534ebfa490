package dev.tangram.runtime.api.auth;

import dev.tangram.runtime.api.RequestBodies;
import dev.tangram.runtime.security.ApiTokenService;
import dev.tangram.runtime.security.PasswordLogin;
import jakarta.servlet.http.HttpServletRequest;
import dev.tangram.runtime.api.errors.ErrorResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/auth/login}: a username and password for a short-lived API token. Repeated
 * wrong passwords lock the username out for a while (429 with Retry-After).
 */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

  record LoginResponse(String token, Instant expiresAt) {}

  private final PasswordLogin login;
  private final ApiTokenService tokens;
  private final Duration lifetime;

  AuthController(PasswordLogin login, ApiTokenService tokens, @Value("${tangram.auth.login-token-lifetime:12h}") Duration lifetime) {
    this.login = login;
    this.tokens = tokens;
    this.lifetime = lifetime;
  }

  @PostMapping("/login")
  ResponseEntity<?> login(@RequestBody JsonNode body, HttpServletRequest request) {
    RequestBodies.object(body, Set.of("username", "password"));
    String username = RequestBodies.requiredString(body, "username");
    String password = RequestBodies.requiredString(body, "password");
    PasswordLogin.Outcome outcome = login.attempt(username, password, request.getRemoteAddr());
    if (outcome.lockedUntil().isPresent()) {
      long seconds = Math.max(1, Duration.between(Instant.now(), outcome.lockedUntil().get()).toSeconds());
      return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", String.valueOf(seconds))
          .body(ErrorResponse.of("username", "lockedOut", "Too many wrong passwords; try again in " + (seconds / 60 + 1) + " minutes"));
    }
    if (outcome.user().isEmpty()) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(ErrorResponse.of("password", "badCredentials", "Wrong username or password"));
    }
    var issued = tokens.issue(outcome.user().get().getUsername(), "login", "login", Set.of("read", "write"), lifetime);
    return ResponseEntity.ok(new LoginResponse(issued.secret(), issued.token().expiresAt()));
  }
}
