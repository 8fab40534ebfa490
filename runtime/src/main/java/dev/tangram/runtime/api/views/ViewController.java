package dev.tangram.runtime.api.views;

import dev.tangram.engine.access.AuditLog;
import dev.tangram.engine.views.View;
import dev.tangram.engine.views.ViewService;
import dev.tangram.engine.views.WidgetData;
import dev.tangram.runtime.security.Actors;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/apps/{app}/views}: list views and dashboards. Members read them and their data
 * (computed within their own rows and fields); app admins save and delete them, audited.
 */
@RestController
@RequestMapping("/api/v1/apps/{app}/views")
class ViewController {

  /** A view as the API shows it: its key, type and the whole definition. */
  record ViewResponse(String key, String type, JsonNode definition) {
    static ViewResponse of(View view) {
      return new ViewResponse(view.key(), view.type(), view.definition());
    }
  }

  private final ViewService views;
  private final Actors actors;
  private final AuditLog audit;

  ViewController(ViewService views, Actors actors, AuditLog audit) {
    this.views = views;
    this.actors = actors;
    this.audit = audit;
  }

  /** Every view of the app, key → definition (the shape template installs were read in before). */
  @GetMapping
  Map<String, JsonNode> list(@PathVariable String app, Principal principal) {
    Map<String, JsonNode> all = new LinkedHashMap<>();
    views.list(app, actors.of(principal)).forEach(v -> all.put(v.key(), v.definition()));
    return all;
  }

  @GetMapping("/{key}")
  ViewResponse get(@PathVariable String app, @PathVariable String key, Principal principal) {
    return ViewResponse.of(views.get(app, key, actors.of(principal)));
  }

  /** Creates or replaces the view; a definition with problems is a 422 listing them all. */
  @PutMapping("/{key}")
  ViewResponse save(@PathVariable String app, @PathVariable String key, @RequestBody JsonNode definition, Principal principal) {
    View saved = views.save(app, key, definition, actors.of(principal));
    audit.record(principal.getName(), "view.saved", "view:" + app + "/" + key, saved.type());
    return ViewResponse.of(saved);
  }

  @DeleteMapping("/{key}")
  ResponseEntity<Void> delete(@PathVariable String app, @PathVariable String key, Principal principal) {
    views.delete(app, key, actors.of(principal));
    audit.record(principal.getName(), "view.deleted", "view:" + app + "/" + key, "");
    return ResponseEntity.noContent().build();
  }

  /** What each widget of a dashboard shows to the caller. */
  @GetMapping("/{key}/data")
  Map<String, List<WidgetData>> data(@PathVariable String app, @PathVariable String key, Principal principal) {
    return Map.of("widgets", views.dashboard(app, key, actors.of(principal)));
  }

  /** One widget, saved or not (an editor's preview). */
  @PostMapping("/widget")
  WidgetData widget(@PathVariable String app, @RequestBody JsonNode widget, Principal principal) {
    return views.widget(app, widget, actors.of(principal));
  }
}
