package dev.tangram.runtime.api.access;

import dev.tangram.engine.access.AccessPolicy;
import dev.tangram.engine.access.AccessSettings;
import dev.tangram.engine.access.AccessSettings.AppRoles;
import dev.tangram.engine.access.AuditLog;
import dev.tangram.engine.access.Grant;
import dev.tangram.engine.apps.AppService;
import dev.tangram.engine.common.ForbiddenException;
import dev.tangram.engine.common.JsonBinding;
import dev.tangram.engine.forms.FormService;
import dev.tangram.runtime.security.Actors;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/apps/{app}/access} (admins and members) and
 * {@code /api/v1/apps/{app}/forms/{form}/permissions} (grants). Only the app's admins may read or
 * change them; every change is audited.
 */
@RestController
@RequestMapping("/api/v1/apps/{app}")
class AccessController {

  record GrantsInput(List<Grant> grants) {}

  private final AccessSettings settings;
  private final AccessPolicy policy;
  private final AppService apps;
  private final FormService forms;
  private final Actors actors;
  private final AuditLog audit;

  AccessController(AccessSettings settings, AccessPolicy policy, AppService apps, FormService forms, Actors actors, AuditLog audit) {
    this.settings = settings;
    this.policy = policy;
    this.apps = apps;
    this.forms = forms;
    this.actors = actors;
    this.audit = audit;
  }

  @GetMapping("/access")
  AppRoles appRoles(@PathVariable String app, Principal principal) {
    requireAppAdmin(app, principal);
    return settings.appRoles(app);
  }

  @PutMapping("/access")
  AppRoles setAppRoles(@PathVariable String app, @RequestBody JsonNode body, Principal principal) {
    requireAppAdmin(app, principal);
    AppRoles roles = JsonBinding.bind(body, AppRoles.class);
    settings.setAppRoles(app, roles);
    audit.record(principal.getName(), "app.access", "app:" + app, "admins=" + roles.admins() + " members=" + roles.members());
    return settings.appRoles(app);
  }

  @GetMapping("/forms/{form}/permissions")
  Map<String, List<Grant>> grants(@PathVariable String app, @PathVariable String form, Principal principal) {
    requireAppAdmin(app, principal);
    forms.getDraft(app, form);
    return Map.of("grants", settings.grants(app, form));
  }

  @PutMapping("/forms/{form}/permissions")
  Map<String, List<Grant>> setGrants(@PathVariable String app, @PathVariable String form, @RequestBody JsonNode body, Principal principal) {
    requireAppAdmin(app, principal);
    forms.getDraft(app, form);
    List<Grant> grants = JsonBinding.bind(body, GrantsInput.class).grants();
    settings.setGrants(app, form, grants == null ? List.of() : grants);
    audit.record(principal.getName(), "form.permissions", "form:" + app + "/" + form, String.valueOf(grants));
    return Map.of("grants", settings.grants(app, form));
  }

  private void requireAppAdmin(String app, Principal principal) {
    apps.get(app);
    if (!policy.isAppAdmin(actors.of(principal), app)) {
      throw new ForbiddenException(principal.getName() + " is not an admin of app '" + app + "'");
    }
  }
}
