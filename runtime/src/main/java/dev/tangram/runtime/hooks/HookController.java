package dev.tangram.runtime.hooks;

import dev.tangram.engine.webhooks.HookCall;
import dev.tangram.engine.webhooks.HookResult;
import dev.tangram.engine.webhooks.InvalidSignatureException;
import dev.tangram.engine.webhooks.TriggerService;
import dev.tangram.runtime.api.errors.ErrorResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /hooks/{token}}: an inbound trigger call. The signature (or the trigger's bearer
 * token) is checked by the engine on the raw body, so the body is taken as bytes, not parsed first.
 * Refusals: 401 (unsigned, wrong, stale, replayed), 404 (no such trigger), 422 (the mapped data
 * fails the form), 409 (the same Idempotency-Key is still being processed).
 */
@RestController
class HookController {

  private static final Logger log = LoggerFactory.getLogger(HookController.class);
  private final TriggerService triggers;

  HookController(TriggerService triggers) {
    this.triggers = triggers;
  }

  @PostMapping(path = "/hooks/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> call(@PathVariable String token, @RequestBody(required = false) byte[] body, HttpServletRequest request) {
    String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
    HookResult result = triggers.handle(new HookCall(token, request::getHeader, text));
    return ResponseEntity.status(result.status()).header("Idempotent-Replayed", Boolean.toString(result.replayed()))
        .contentType(MediaType.APPLICATION_JSON).body(result.body().toString());
  }

  @ExceptionHandler(InvalidSignatureException.class)
  ResponseEntity<ErrorResponse> unauthenticated(InvalidSignatureException e, HttpServletRequest request) {
    log.warn("Refused inbound call to {}: {}", request.getRequestURI().replaceAll("/hooks/(.{4}).*", "/hooks/$1…"), e.getMessage());
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(ErrorResponse.of("webhook-signature", "unauthenticated", e.getMessage()));
  }
}
