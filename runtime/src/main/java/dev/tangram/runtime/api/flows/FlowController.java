package dev.tangram.runtime.api.flows;

import dev.tangram.engine.flows.DeployedFlow;
import dev.tangram.engine.flows.FlowDiagram;
import dev.tangram.engine.flows.Flows;
import dev.tangram.engine.flows.TimelineEntry;
import dev.tangram.engine.records.Record;
import dev.tangram.runtime.api.RequestBodies;
import dev.tangram.runtime.api.records.RecordResponse;
import dev.tangram.runtime.api.records.VersionTags;
import dev.tangram.runtime.security.Actors;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * A form's flow and a record's way through it: {@code PUT/GET …/flow}, drafts, submit, withdraw,
 * timeline and diagram.
 */
@RestController
@RequestMapping("/api/v1/apps/{app}/forms/{form}")
class FlowController {

  private final Flows flows;
  private final Actors actors;

  FlowController(Flows flows, Actors actors) {
    this.flows = flows;
    this.actors = actors;
  }

  /** Flow JSON ({@code application/json}) or BPMN 2.0 XML ({@code application/xml}, {@code text/xml}). */
  @PutMapping(value = "/flow", consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE,
      MediaType.TEXT_PLAIN_VALUE})
  Map<String, Object> deploy(@PathVariable String app, @PathVariable String form, @RequestBody String source, Principal principal) {
    DeployedFlow flow = flows.definitions().deploy(app, form, source, actors.of(principal));
    return Map.of("version", flow.version(), "format", flow.format(), "withdraw", flow.withdraw());
  }

  @GetMapping("/flow")
  DeployedFlow get(@PathVariable String app, @PathVariable String form, Principal principal) {
    actors.of(principal);
    return flows.definitions().get(app, form);
  }

  /** Saves a new record as a draft of a form with a flow; {@code submit} sends it into the flow later. */
  @PostMapping("/drafts")
  ResponseEntity<RecordResponse> draft(@PathVariable String app, @PathVariable String form, @RequestBody JsonNode body, Principal principal) {
    Record record = flows.instances().saveDraft(app, form, body, actors.of(principal));
    return created(app, form, record);
  }

  /** Sends a draft, withdrawn or rejected record into the flow; {@code {"approvers": {node: [user…]}}} for chosen approvers. */
  @PostMapping("/records/{id}/submit")
  ResponseEntity<RecordResponse> submit(@PathVariable String app, @PathVariable String form, @PathVariable String id,
      @RequestBody(required = false) @Nullable JsonNode body, @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
      Principal principal) {
    JsonNode checked = RequestBodies.object(body == null ? tools.jackson.databind.node.JsonNodeFactory.instance.objectNode() : body, Set.of("approvers"));
    Record record = flows.instances().send(app, form, id, FlowRequests.approvers(checked.get("approvers")), VersionTags.parse(ifMatch),
        actors.of(principal));
    return ResponseEntity.ok().eTag(VersionTags.of(record.version())).body(RecordResponse.of(record));
  }

  @PostMapping("/records/{id}/withdraw")
  ResponseEntity<Void> withdraw(@PathVariable String app, @PathVariable String form, @PathVariable String id,
      @RequestBody(required = false) @Nullable JsonNode body, Principal principal) {
    String comment = body == null ? null : RequestBodies.optionalString(RequestBodies.object(body, Set.of("comment")), "comment");
    flows.instances().withdraw(app, form, id, comment, actors.of(principal));
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/records/{id}/timeline")
  List<TimelineEntry> timeline(@PathVariable String app, @PathVariable String form, @PathVariable String id, Principal principal) {
    return flows.queries().timeline(app, form, id, actors.of(principal));
  }

  @GetMapping("/records/{id}/diagram")
  FlowDiagram diagram(@PathVariable String app, @PathVariable String form, @PathVariable String id, Principal principal) {
    return flows.queries().diagram(app, form, id, actors.of(principal));
  }

  /** The record's latest instance drawn as SVG, the current node marked ({@code data-state="active"}). */
  @GetMapping(value = "/records/{id}/diagram.svg", produces = SVG)
  ResponseEntity<String> diagramSvg(@PathVariable String app, @PathVariable String form, @PathVariable String id, Principal principal) {
    return svg(flows.queries().diagramSvg(app, form, id, actors.of(principal)));
  }

  /** The form's deployed flow (newest, or {@code ?version=n}) drawn as SVG. */
  @GetMapping(value = "/flow/diagram.svg", produces = SVG)
  ResponseEntity<String> flowSvg(@PathVariable String app, @PathVariable String form, @RequestParam(required = false) @Nullable Integer version,
      Principal principal) {
    actors.of(principal);
    return svg(flows.queries().flowSvg(app, form, version));
  }

  static final String SVG = "image/svg+xml";

  static ResponseEntity<String> svg(String svg) {
    // no script or outside resource even when the SVG is opened on its own
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(SVG + ";charset=UTF-8"))
        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'").body(svg);
  }

  private static ResponseEntity<RecordResponse> created(String app, String form, Record record) {
    return ResponseEntity.created(URI.create("/api/v1/apps/" + app + "/forms/" + form + "/records/" + record.id()))
        .eTag(VersionTags.of(record.version())).body(RecordResponse.of(record));
  }
}
