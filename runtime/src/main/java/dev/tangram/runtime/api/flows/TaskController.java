package dev.tangram.runtime.api.flows;

import dev.tangram.engine.flows.FlowPage;
import dev.tangram.engine.flows.FlowQueries;
import dev.tangram.engine.flows.FlowTask;
import dev.tangram.engine.flows.Flows;
import dev.tangram.runtime.api.RequestBodies;
import dev.tangram.runtime.security.Actors;
import java.security.Principal;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The approval inbox: my to-do, done, started, copied-to-me lists with counts, task actions and the handover. */
@RestController
class TaskController {

  private final Flows flows;
  private final Actors actors;

  TaskController(Flows flows, Actors actors) {
    this.flows = flows;
    this.actors = actors;
  }

  @GetMapping("/api/v1/tasks")
  FlowPage<FlowTask> todo(@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size, Principal principal) {
    return flows.queries().todo(actors.of(principal), page, size);
  }

  @GetMapping("/api/v1/tasks/done")
  FlowPage<FlowTask> done(@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size, Principal principal) {
    return flows.queries().done(actors.of(principal), page, size);
  }

  @GetMapping("/api/v1/tasks/counts")
  Map<String, Long> counts(Principal principal) {
    return flows.queries().counts(actors.of(principal));
  }

  @GetMapping("/api/v1/flows/started")
  FlowPage<FlowQueries.StartedFlow> started(@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size,
      Principal principal) {
    return flows.queries().started(actors.of(principal), page, size);
  }

  @GetMapping("/api/v1/flows/cc")
  FlowPage<FlowQueries.CopiedFlow> copied(@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size,
      Principal principal) {
    return flows.queries().copiedToMe(actors.of(principal), page, size);
  }

  /**
   * One open task with its node, the caller's allowed actions and the record filtered by the node's
   * field permissions; for its assignee or candidates, app admins read-only (403 for others).
   */
  @GetMapping("/api/v1/tasks/{id}")
  TaskResponse view(@PathVariable String id, Principal principal) {
    return TaskResponse.of(flows.tasks().view(id, actors.of(principal)));
  }

  /** A flow instance drawn as SVG, the current node marked; for those who may view its record. */
  @GetMapping(value = "/api/v1/flows/instances/{id}/diagram.svg", produces = FlowController.SVG)
  ResponseEntity<String> instanceSvg(@PathVariable String id, Principal principal) {
    return FlowController.svg(flows.queries().instanceSvg(id, actors.of(principal)));
  }

  /** {@code approve | reject | return | transfer | delegate | addSign | urge | comment}. */
  @PostMapping("/api/v1/tasks/{id}/{action}")
  ResponseEntity<Void> act(@PathVariable String id, @PathVariable String action, @RequestBody(required = false) @Nullable JsonNode body,
      Principal principal) {
    flows.tasks().act(id, action, FlowRequests.task(body), actors.of(principal));
    return ResponseEntity.noContent().build();
  }

  /** A platform admin hands every open task of {@code from} to {@code to}. */
  @PostMapping("/api/v1/tasks/handover")
  Map<String, Integer> handOver(@RequestBody JsonNode body, Principal principal) {
    RequestBodies.object(body, Set.of("from", "to"));
    int moved = flows.tasks().handOver(RequestBodies.requiredString(body, "from"), RequestBodies.requiredString(body, "to"), actors.of(principal));
    return Map.of("moved", moved);
  }
}
