package dev.tangram.runtime.api.templates;

import dev.tangram.engine.access.AuditLog;
import dev.tangram.engine.common.ForbiddenException;
import dev.tangram.engine.common.NotFoundException;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.templates.CatalogEntry;
import dev.tangram.engine.templates.InstallObserver;
import dev.tangram.engine.templates.InstallProgress;
import dev.tangram.engine.templates.InstallResult;
import dev.tangram.engine.templates.TemplatePackage;
import dev.tangram.engine.templates.TemplateService;
import dev.tangram.engine.templates.UpgradeResult;
import dev.tangram.runtime.api.RequestBodies;
import dev.tangram.runtime.security.Actors;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The marketplace: {@code GET /api/v1/templates}, upload ({@code POST /api/v1/templates}, a zip),
 * {@code POST /api/v1/templates/{key}/install} and {@code /upgrade} (both with {@code dryRun}),
 * progress, parameters and flows of installed apps (their views: {@code /api/v1/apps/{app}/views}). Uninstall is {@code DELETE /api/v1/apps/{app}}.
 * Everything but reading needs a platform admin.
 */
@RestController
class TemplateController {

  private static final Set<String> INSTALL_ATTRIBUTES = Set.of("version", "params", "locale", "dryRun");
  private static final Set<String> UPGRADE_ATTRIBUTES = Set.of("version", "params", "resolutions", "dryRun");

  private final TemplateService templates;
  private final Actors actors;
  private final AuditLog audit;

  TemplateController(TemplateService templates, Actors actors, AuditLog audit) {
    this.templates = templates;
    this.actors = actors;
    this.audit = audit;
  }

  @GetMapping("/api/v1/templates")
  List<CatalogEntry> list() {
    return templates.list();
  }

  @GetMapping("/api/v1/templates/{key}")
  CatalogEntry get(@PathVariable String key) {
    return templates.list().stream().filter(e -> e.key().equals(key)).findFirst()
        .orElseThrow(() -> new NotFoundException("template", "The marketplace has no template '" + key + "'"));
  }

  /** Adds a package (the request body is the zip); an invalid one is refused whole with every problem. */
  @PostMapping(path = "/api/v1/templates", consumes = {"application/zip", "application/octet-stream"})
  ResponseEntity<CatalogEntry> upload(@RequestBody byte[] zip, Principal principal) {
    requireAdmin(principal);
    TemplatePackage pkg = templates.catalog().add(zip, principal.getName());
    audit.record(principal.getName(), "template.added", "template:" + pkg.key(), pkg.version().toString());
    return ResponseEntity.status(HttpStatus.CREATED).body(get(pkg.key()));
  }

  @PostMapping("/api/v1/templates/{key}/install")
  ResponseEntity<InstallResult> install(@PathVariable String key, @RequestBody(required = false) @Nullable JsonNode body, Principal principal) {
    requireAdmin(principal);
    JsonNode b = body == null ? null : RequestBodies.object(body, INSTALL_ATTRIBUTES);
    InstallResult result = templates.install(key, string(b, "version"), b == null ? null : b.get("params"), string(b, "locale"),
        bool(b, "dryRun"), principal.getName(), InstallObserver.NONE);
    if (result.status().equals("installed")) {
      audit.record(principal.getName(), "template.installed", "app:" + key, result.version());
    }
    return ResponseEntity.status(result.status().equals("installed") ? HttpStatus.CREATED : HttpStatus.OK).body(result);
  }

  /** Answers 409 with the conflicts listed when the merge needs the admin's decisions. */
  @PostMapping("/api/v1/templates/{key}/upgrade")
  ResponseEntity<UpgradeResult> upgrade(@PathVariable String key, @RequestBody(required = false) @Nullable JsonNode body, Principal principal) {
    requireAdmin(principal);
    JsonNode b = body == null ? null : RequestBodies.object(body, UPGRADE_ATTRIBUTES);
    UpgradeResult result = templates.upgrade(key, string(b, "version"), b == null ? null : b.get("params"), resolutions(b),
        bool(b, "dryRun"), principal.getName(), InstallObserver.NONE);
    return answer(result, principal, key);
  }

  @GetMapping("/api/v1/templates/installs/{app}")
  InstallProgress progress(@PathVariable String app) {
    return templates.progress(app).orElseThrow(() -> new NotFoundException("app", "App '" + app + "' was not installed from a template"));
  }

  @GetMapping("/api/v1/apps/{app}/template/params")
  Map<String, Object> parameters(@PathVariable String app) {
    return templates.parameters(app);
  }

  /** New parameter values: the installed version re-rendered and merged like an upgrade. */
  @PutMapping("/api/v1/apps/{app}/template/params")
  ResponseEntity<UpgradeResult> changeParameters(@PathVariable String app, @RequestBody JsonNode body, Principal principal) {
    requireAdmin(principal);
    RequestBodies.object(body, Set.of("params", "resolutions", "dryRun"));
    if (!body.path("params").isObject()) {
      throw ValidationException.of("params", "required", "Give the new values as {\"params\": {key: value}}");
    }
    return answer(templates.changeParameters(app, body.get("params"), resolutions(body), bool(body, "dryRun"), principal.getName()), principal, app);
  }

  @GetMapping("/api/v1/apps/{app}/template/flows")
  Map<String, JsonNode> flows(@PathVariable String app) {
    return templates.flows(app);
  }

  private ResponseEntity<UpgradeResult> answer(UpgradeResult result, Principal principal, String app) {
    if (result.status().equals("upgraded")) {
      audit.record(principal.getName(), "template.upgraded", "app:" + app, result.from() + " -> " + result.to());
    }
    return ResponseEntity.status(result.status().equals("conflicts") ? HttpStatus.CONFLICT : HttpStatus.OK).body(result);
  }

  private void requireAdmin(Principal principal) {
    if (!actors.of(principal).platformAdmin()) {
      throw new ForbiddenException(principal.getName() + " may not install, upgrade or add templates; ask a platform admin");
    }
  }

  private static Map<String, String> resolutions(@Nullable JsonNode body) {
    Map<String, String> result = new LinkedHashMap<>();
    if (body == null || body.get("resolutions") == null || body.get("resolutions").isNull()) {
      return result;
    }
    if (!body.get("resolutions").isObject()) {
      throw ValidationException.of("resolutions", "type", "'resolutions' maps a conflict's path to \"mine\" or \"theirs\"");
    }
    body.get("resolutions").properties().forEach(e -> {
      String choice = e.getValue().asString("");
      if (!choice.equals("mine") && !choice.equals("theirs")) {
        throw ValidationException.of("resolutions." + e.getKey(), "invalid", "Decide a conflict with \"mine\" or \"theirs\", not " + e.getValue());
      }
      result.put(e.getKey(), choice);
    });
    return result;
  }

  private static @Nullable String string(@Nullable JsonNode body, String name) {
    return body == null ? null : RequestBodies.optionalString(body, name);
  }

  private static boolean bool(@Nullable JsonNode body, String name) {
    if (body == null || body.get(name) == null || body.get(name).isNull()) {
      return false;
    }
    if (!body.get(name).isBoolean()) {
      throw ValidationException.of(name, "type", "'" + name + "' is true or false");
    }
    return body.get(name).asBoolean();
  }
}
