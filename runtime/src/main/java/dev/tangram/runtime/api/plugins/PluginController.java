package dev.tangram.runtime.api.plugins;

import dev.tangram.engine.apps.AppService;
import dev.tangram.engine.access.AccessPolicy;
import dev.tangram.engine.common.ForbiddenException;
import dev.tangram.engine.plugins.PluginContext;
import dev.tangram.engine.records.RecordService;
import dev.tangram.runtime.security.Actors;
import dev.tangram.engine.plugins.PluginRegistry;
import java.security.Principal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/plugins} and {@code POST /api/v1/apps/{app}/plugins/{plugin}/{action}}. */
@RestController
class PluginController {

  record ActionInfo(String name, String description, String input, String output) {}

  record PluginInfo(String id, String version, List<ActionInfo> actions) {}

  private final PluginRegistry plugins;
  private final AppService apps;

  private final RecordService records;
  private final AccessPolicy access;
  private final Actors actors;

  PluginController(PluginRegistry plugins, AppService apps, RecordService records, AccessPolicy access, Actors actors) {
    this.plugins = plugins;
    this.apps = apps;
    this.records = records;
    this.access = access;
    this.actors = actors;
  }

  @GetMapping("/api/v1/plugins")
  List<PluginInfo> list() {
    return plugins.plugins().stream().map(p -> new PluginInfo(p.id(), p.version(), p.actions().stream()
        .map(a -> new ActionInfo(a.name(), a.description(), a.inputType().getSimpleName(), a.outputType().getSimpleName()))
        .toList())).toList();
  }

  @PostMapping("/api/v1/apps/{app}/plugins/{plugin}/{action}")
  JsonNode call(@PathVariable String app, @PathVariable String plugin, @PathVariable String action,
      @RequestBody JsonNode input, Principal principal) {
    apps.get(app);
    // Actions write records as the system (vouchers, planned orders), so only the app's admins call them directly.
    if (!access.isAppAdmin(actors.of(principal), app)) {
      throw new ForbiddenException(principal.getName() + " may not run plugin actions in app '" + app + "'; ask an app admin");
    }
    return plugins.call(plugin, action, input, new PluginContext(app, principal.getName(), records.forApp(app, principal.getName())));
  }
}
