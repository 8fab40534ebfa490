package dev.tangram.runtime.api.apps;

import dev.tangram.engine.access.AuditLog;
import dev.tangram.engine.apps.App;
import dev.tangram.engine.apps.AppService;
import dev.tangram.engine.common.ConflictException;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.records.RecordService;
import dev.tangram.engine.templates.TemplateService;
import dev.tangram.engine.templates.UninstallResult;
import java.util.Map;
import dev.tangram.runtime.api.RequestBodies;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/apps}: list, create, read and delete apps. */
@RestController
@RequestMapping("/api/v1/apps")
class AppController {

  private final AppService apps;
  private final FormService forms;
  private final RecordService records;

  private final AuditLog audit;
  private final TemplateService templates;

  AppController(AppService apps, FormService forms, RecordService records, AuditLog audit, TemplateService templates) {
    this.templates = templates;
    this.audit = audit;
    this.apps = apps;
    this.forms = forms;
    this.records = records;
  }

  @GetMapping
  List<App> list() {
    return apps.list();
  }

  @PostMapping
  ResponseEntity<App> create(@RequestBody JsonNode body, Principal principal) {
    RequestBodies.object(body, Set.of("key", "name", "description"));
    App app = apps.create(RequestBodies.requiredString(body, "key"), RequestBodies.optionalString(body, "name"),
        RequestBodies.optionalString(body, "description"), principal.getName());
    audit.record(principal.getName(), "app.created", "app:" + app.key(), app.name());
    return ResponseEntity.created(URI.create("/api/v1/apps/" + app.key())).body(app);
  }

  @GetMapping("/{app}")
  App get(@PathVariable String app) {
    return apps.get(app);
  }

  /**
   * Deletes an app with its forms; an app holding records needs {@code ?purge=true}. An app
   * installed from a template is uninstalled: refused while another installed app requires it,
   * its data kept unless purged; {@code ?dryRun=true} says what would happen.
   */
  @DeleteMapping("/{app}")
  ResponseEntity<?> delete(@PathVariable String app, @RequestParam(defaultValue = "false") boolean purge,
      @RequestParam(defaultValue = "false") boolean dryRun, Principal principal) {
    apps.get(app);
    if (templates.isInstalled(app)) {
      UninstallResult result = templates.uninstall(app, purge, dryRun, principal.getName());
      if (!dryRun) {
        audit.record(principal.getName(), "app.deleted", "app:" + app, "template " + result.template() + (purge ? ", with its records" : ", data kept"));
      }
      return ResponseEntity.ok(result);
    }
    if (!purge && records.hasRecords(app)) {
      throw new ConflictException("purge", "hasRecords",
          "App '" + app + "' holds records; delete with ?purge=true to remove them too (this cannot be undone)");
    }
    if (dryRun) {
      return ResponseEntity.ok(Map.of("app", app, "status", "planned", "purge", purge));
    }
    records.purgeApp(app);
    forms.removeAll(app);
    apps.remove(app);
    audit.record(principal.getName(), "app.deleted", "app:" + app, purge ? "with its records" : "");
    return ResponseEntity.noContent().build();
  }
}
