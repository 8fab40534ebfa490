package dev.tangram.runtime.api.webhooks;

import dev.tangram.engine.webhooks.Delivery;
import dev.tangram.engine.webhooks.Subscription;
import dev.tangram.engine.webhooks.WebhookService;
import dev.tangram.runtime.security.Actors;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/webhooks}: subscribe (the response carries the signing secret, once), list, read,
 * change or delete one's subscriptions, read their delivery log and send a delivery again.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookController {

  private final WebhookService webhooks;
  private final Actors actors;

  WebhookController(WebhookService webhooks, Actors actors) {
    this.webhooks = webhooks;
    this.actors = actors;
  }

  @PostMapping
  ResponseEntity<Map<String, Object>> create(@RequestBody JsonNode body, Principal principal) {
    Subscription.Created created = webhooks.create(body, actors.of(principal));
    return ResponseEntity.created(URI.create("/api/v1/webhooks/" + created.subscription().id()))
        .body(Map.of("webhook", created.subscription(), "secret", created.secret()));
  }

  @GetMapping
  List<Subscription> list(Principal principal) {
    return webhooks.list(actors.of(principal));
  }

  @GetMapping("/{id}")
  Subscription get(@PathVariable String id, Principal principal) {
    return webhooks.get(id, actors.of(principal));
  }

  @PatchMapping("/{id}")
  Subscription update(@PathVariable String id, @RequestBody JsonNode body, Principal principal) {
    return webhooks.update(id, body, actors.of(principal));
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(@PathVariable String id, Principal principal) {
    webhooks.delete(id, actors.of(principal));
    return ResponseEntity.noContent().build();
  }

  /** @param state {@code pending}, {@code delivered} or {@code dead}; all when absent */
  @GetMapping("/{id}/deliveries")
  List<Delivery> deliveries(@PathVariable String id, @RequestParam(required = false) @Nullable String state,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Principal principal) {
    return webhooks.deliveries(id, state, page, size, actors.of(principal));
  }

  @PostMapping("/{id}/deliveries/{delivery}/redeliver")
  ResponseEntity<Void> redeliver(@PathVariable String id, @PathVariable String delivery, Principal principal) {
    webhooks.redeliver(id, delivery, actors.of(principal));
    return ResponseEntity.accepted().build();
  }
}
