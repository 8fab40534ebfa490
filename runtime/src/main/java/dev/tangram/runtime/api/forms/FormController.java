package dev.tangram.runtime.api.forms;

import dev.tangram.engine.access.AccessPolicy;
import dev.tangram.engine.access.AuditLog;
import dev.tangram.engine.access.Operation;
import dev.tangram.engine.common.ForbiddenException;
import dev.tangram.engine.forms.FormService;
import dev.tangram.runtime.security.Actors;
import dev.tangram.engine.forms.FormSummary;
import dev.tangram.engine.forms.FormVersion;
import dev.tangram.engine.forms.FormDefinitionWriter;
import dev.tangram.engine.schema.CompiledFormCache;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /api/v1/apps/{app}/forms}: drafts, publishing and compiled schemas. */
@RestController
@RequestMapping("/api/v1/apps/{app}/forms")
class FormController {

  private final FormService forms;
  private final CompiledFormCache compiled;
  private final AccessPolicy access;
  private final Actors actors;
  private final AuditLog audit;

  FormController(FormService forms, CompiledFormCache compiled, AccessPolicy access, Actors actors, AuditLog audit) {
    this.audit = audit;
    this.forms = forms;
    this.compiled = compiled;
    this.access = access;
    this.actors = actors;
  }

  /** Creating forms is for the app's admins. */
  private void requireAppAdmin(String app, Principal principal) {
    if (!access.isAppAdmin(actors.of(principal), app)) {
      throw new ForbiddenException(principal.getName() + " is not an admin of app '" + app + "'");
    }
  }

  /** Changing a form is for the app's admins and holders of MANAGE on it. */
  private void requireManage(String app, String form, Principal principal) {
    if (!access.forForm(actors.of(principal), app, form).can(Operation.MANAGE)) {
      throw new ForbiddenException(principal.getName() + " may not manage form '" + form + "'");
    }
  }

  @GetMapping
  List<FormSummary> list(@PathVariable String app) {
    return forms.list(app);
  }

  @PostMapping
  ResponseEntity<ObjectNode> create(@PathVariable String app, @RequestBody JsonNode definition, Principal principal) {
    requireAppAdmin(app, principal);
    var form = forms.create(app, definition, principal.getName());
    audit.record(principal.getName(), "form.created", "form:" + app + "/" + form.key(), form.name());
    return ResponseEntity.created(URI.create("/api/v1/apps/" + app + "/forms/" + form.key()))
        .body(FormDefinitionWriter.write(form));
  }

  @GetMapping("/{form}")
  ObjectNode getDraft(@PathVariable String app, @PathVariable String form) {
    return FormDefinitionWriter.write(forms.getDraft(app, form));
  }

  @PutMapping("/{form}")
  ObjectNode saveDraft(@PathVariable String app, @PathVariable String form, @RequestBody JsonNode definition, Principal principal) {
    requireManage(app, form, principal);
    return FormDefinitionWriter.write(forms.saveDraft(app, form, definition, principal.getName()));
  }

  @PostMapping("/{form}/publish")
  Map<String, Integer> publish(@PathVariable String app, @PathVariable String form, Principal principal) {
    requireManage(app, form, principal);
    int version = forms.publish(app, form, principal.getName()).version();
    audit.record(principal.getName(), "form.published", "form:" + app + "/" + form, "version " + version);
    return Map.of("version", version);
  }

  /** The compiled JSON Schema of the latest published version, or of {@code ?version=n}. */
  @GetMapping(value = "/{form}/schema", produces = {"application/schema+json", "application/json"})
  ObjectNode schema(@PathVariable String app, @PathVariable String form, @RequestParam(required = false) @Nullable Integer version) {
    FormVersion published = version == null ? forms.getLatestPublished(app, form) : forms.getVersion(app, form, version);
    return compiled.get(published).schemaDocument();
  }
}
