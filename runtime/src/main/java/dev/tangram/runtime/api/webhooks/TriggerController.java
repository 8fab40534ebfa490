package dev.tangram.runtime.api.webhooks;

import dev.tangram.engine.webhooks.Trigger;
import dev.tangram.engine.webhooks.TriggerService;
import dev.tangram.runtime.security.Actors;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/apps/{app}/triggers}: an app admin creates inbound triggers (the response carries
 * the signing secret and the bearer token, once), lists and deletes them.
 */
@RestController
@RequestMapping("/api/v1/apps/{app}/triggers")
class TriggerController {

  private final TriggerService triggers;
  private final Actors actors;

  TriggerController(TriggerService triggers, Actors actors) {
    this.triggers = triggers;
    this.actors = actors;
  }

  @PostMapping
  ResponseEntity<Map<String, Object>> create(@PathVariable String app, @RequestBody JsonNode body, Principal principal) {
    Trigger.Created created = triggers.create(app, body, actors.of(principal));
    return ResponseEntity.created(URI.create("/api/v1/apps/" + app + "/triggers/" + created.trigger().id()))
        .body(Map.of("trigger", created.trigger(), "secret", created.secret(), "bearerToken", created.bearerToken()));
  }

  @GetMapping
  List<Trigger> list(@PathVariable String app, Principal principal) {
    return triggers.list(app, actors.of(principal));
  }

  /** The trigger's latest calls (at most 50), newest first, with the status answered and the record created. */
  @GetMapping("/{id}/calls")
  List<Trigger.Call> calls(@PathVariable String app, @PathVariable String id, Principal principal) {
    return triggers.calls(app, id, actors.of(principal));
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(@PathVariable String app, @PathVariable String id, Principal principal) {
    triggers.delete(app, id, actors.of(principal));
    return ResponseEntity.noContent().build();
  }
}
