package dev.tangram.runtime.api.auth;

import dev.tangram.engine.common.ValidationException;
import dev.tangram.runtime.api.RequestBodies;
import dev.tangram.runtime.security.ApiToken;
import dev.tangram.runtime.security.ApiTokenService;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Long-lived, scoped, revocable API tokens for machines; the secret is shown once. */
@RestController
@RequestMapping("/api/v1/tokens")
class TokenController {

  record CreatedToken(String id, String name, Set<String> scopes, Instant expiresAt, String token) {}

  static final int MAX_DAYS = 3650;
  private final ApiTokenService tokens;

  TokenController(ApiTokenService tokens) {
    this.tokens = tokens;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  CreatedToken create(@RequestBody JsonNode body, Principal principal) {
    RequestBodies.object(body, Set.of("name", "scopes", "expiresInDays"));
    String name = RequestBodies.requiredString(body, "name");
    Set<String> scopes = scopes(body.get("scopes"));
    JsonNode days = body.get("expiresInDays");
    if (days != null && (!days.isIntegralNumber() || days.asInt() < 1 || days.asInt() > MAX_DAYS)) {
      throw ValidationException.of("expiresInDays", "range", "'expiresInDays' is a whole number from 1 to " + MAX_DAYS);
    }
    var issued = tokens.issue(principal.getName(), name, "api", scopes, Duration.ofDays(days == null ? 90 : days.asInt()));
    return new CreatedToken(issued.token().id(), name, scopes, issued.token().expiresAt(), issued.secret());
  }

  @GetMapping
  List<ApiToken> list(Principal principal) {
    return tokens.listOf(principal.getName());
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revoke(@PathVariable String id, Principal principal) {
    tokens.revoke(principal.getName(), id);
  }

  private static Set<String> scopes(JsonNode node) {
    if (node == null || node.isNull()) {
      return ApiToken.SCOPES;
    }
    Set<String> scopes = new HashSet<>();
    if (node.isArray()) {
      node.forEach(s -> scopes.add(s.asString("")));
    }
    if (!node.isArray() || scopes.isEmpty() || !ApiToken.SCOPES.containsAll(scopes)) {
      throw ValidationException.of("scopes", "enum", "'scopes' is a non-empty list of: read, write");
    }
    return scopes;
  }
}
