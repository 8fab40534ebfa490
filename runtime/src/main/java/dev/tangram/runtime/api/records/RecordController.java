package dev.tangram.runtime.api.records;

import dev.tangram.engine.records.Record;
import dev.tangram.engine.records.RecordChange;
import dev.tangram.engine.records.RecordQuery;
import dev.tangram.engine.records.RecordService;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/apps/{app}/forms/{form}/records}: submit, query, read, patch (with
 * {@code If-Match}), delete and history. Responses carry the record version as {@code ETag}.
 */
@RestController
@RequestMapping("/api/v1/apps/{app}/forms/{form}/records")
class RecordController {

  private final RecordService records;
  private final Actors actors;

  RecordController(RecordService records, Actors actors) {
    this.records = records;
    this.actors = actors;
  }

  @PostMapping
  ResponseEntity<RecordResponse> submit(@PathVariable String app, @PathVariable String form, @RequestBody JsonNode body, Principal principal) {
    Record record = records.submit(app, form, body, actors.of(principal));
    return ResponseEntity.created(URI.create("/api/v1/apps/" + app + "/forms/" + form + "/records/" + record.id()))
        .eTag(VersionTags.of(record.version())).body(RecordResponse.of(record));
  }

  /**
   * @param filter a JSON list of {@code {field, op, value}}, e.g. {@code [{"field":"amount","op":"gt","value":100}]}
   * @param sort   comma-separated fields, {@code -} for descending, e.g. {@code -amount,title}
   */
  @GetMapping
  Map<String, Object> query(@PathVariable String app, @PathVariable String form,
      @RequestParam(required = false) @Nullable String filter, @RequestParam(required = false) @Nullable String sort,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "" + RecordQuery.DEFAULT_SIZE) int size,
      Principal principal) {
    var result = records.query(app, form, new RecordQuery(QueryParameters.filters(filter), QueryParameters.sort(sort), page, size),
        actors.of(principal));
    return Map.of("items", result.items().stream().map(RecordResponse::of).toList(),
        "total", result.total(), "page", result.page(), "size", result.size());
  }

  @GetMapping("/{id}")
  ResponseEntity<RecordResponse> get(@PathVariable String app, @PathVariable String form, @PathVariable String id, Principal principal) {
    Record record = records.get(app, form, id, actors.of(principal));
    return ResponseEntity.ok().eTag(VersionTags.of(record.version())).body(RecordResponse.of(record));
  }

  @PatchMapping("/{id}")
  ResponseEntity<RecordResponse> patch(@PathVariable String app, @PathVariable String form, @PathVariable String id,
      @RequestBody JsonNode body, @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, Principal principal) {
    Record record = records.patch(app, form, id, body, VersionTags.parse(ifMatch), actors.of(principal));
    return ResponseEntity.ok().eTag(VersionTags.of(record.version())).body(RecordResponse.of(record));
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(@PathVariable String app, @PathVariable String form, @PathVariable String id,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, Principal principal) {
    records.delete(app, form, id, VersionTags.parse(ifMatch), actors.of(principal));
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{id}/history")
  List<RecordChange> history(@PathVariable String app, @PathVariable String form, @PathVariable String id, Principal principal) {
    return records.history(app, form, id, actors.of(principal));
  }
}
