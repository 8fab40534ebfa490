package dev.tangram.engine.views;

import dev.tangram.engine.access.AccessPolicy;
import dev.tangram.engine.access.Actor;
import dev.tangram.engine.apps.AppService;
import dev.tangram.engine.common.ConflictException;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.ForbiddenException;
import dev.tangram.engine.common.Keys;
import dev.tangram.engine.common.NotFoundException;
import dev.tangram.engine.common.TangramException;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.records.RecordService;
import dev.tangram.engine.views.internal.ViewQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * An app's list views and dashboards: members read them, app admins save and delete them, every
 * definition is checked against the app's forms before it is stored. Widgets are computed by the
 * {@link RecordService} as the viewer, so each sees only the rows and fields they may see.
 */
public final class ViewService {

  private final ViewStore store;
  private final AppService apps;
  private final FormService forms;
  private final RecordService records;
  private final AccessPolicy access;

  public ViewService(ViewStore store, AppService apps, FormService forms, RecordService records, AccessPolicy access) {
    this.store = store;
    this.apps = apps;
    this.forms = forms;
    this.records = records;
    this.access = access;
  }

  /** The app's views in key order; for its members. */
  public List<View> list(String app, Actor actor) {
    requireMember(app, actor);
    List<View> views = new ArrayList<>();
    store.of(app).forEach((key, definition) -> views.add(toView(app, key, definition)));
    return views;
  }

  public View get(String app, String key, Actor actor) {
    requireMember(app, actor);
    return store.find(app, key).map(d -> toView(app, key, d))
        .orElseThrow(() -> new NotFoundException("key", "App '" + app + "' has no view '" + key + "'"));
  }

  /** Every problem the definition has in this app; empty when it could be saved. */
  public List<FieldError> check(String app, JsonNode definition) {
    apps.get(app);
    return ViewChecker.check(definition, form -> definitionOf(app, form), Set.of());
  }

  /** Creates or replaces a view; app admins only. A definition with problems is a 422 listing them all. */
  public View save(String app, String key, JsonNode definition, Actor actor) {
    requireAdmin(app, actor);
    Keys.require("key", key);
    List<FieldError> problems = check(app, definition);
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    store.put(app, key, definition);
    return toView(app, key, definition);
  }

  /** Creates a view; a key in use is a 409. */
  public View create(String app, String key, JsonNode definition, Actor actor) {
    requireAdmin(app, actor);
    if (store.find(app, Keys.require("key", key)).isPresent()) {
      throw new ConflictException("key", "duplicate", "App '" + app + "' already has a view '" + key + "'");
    }
    return save(app, key, definition, actor);
  }

  public void delete(String app, String key, Actor actor) {
    requireAdmin(app, actor);
    if (!store.remove(app, key)) {
      throw new NotFoundException("key", "App '" + app + "' has no view '" + key + "'");
    }
  }

  /** What each widget of dashboard {@code key} shows to {@code actor}, in widget order. */
  public List<WidgetData> dashboard(String app, String key, Actor actor) {
    View view = get(app, key, actor);
    if (!"dashboard".equals(view.type())) {
      throw ValidationException.of("key", "notDashboard", "View '" + key + "' is a " + view.type() + " view, not a dashboard");
    }
    List<WidgetData> data = new ArrayList<>();
    view.definition().path("widgets").forEach(w -> data.add(widget(app, w, actor)));
    return data;
  }

  /**
   * What one widget (saved or not: the dashboard editor's preview) shows to {@code actor}. A
   * widget with problems, on a form not yet published or that the actor may not view, gives its
   * errors instead of failing the whole dashboard.
   */
  public WidgetData widget(String app, JsonNode widget, Actor actor) {
    requireMember(app, actor);
    String form = widget.path("form").asString("");
    try {
      List<FieldError> problems = ViewChecker.check(dashboardOf(widget), f -> definitionOf(app, f), Set.of());
      if (!problems.isEmpty()) {
        return new WidgetData(null, null, problems.stream()
            .map(e -> new FieldError(e.field().replaceFirst("^widgets\\[0\\]\\.?", ""), e.code(), e.message())).toList());
      }
      if ("list".equals(widget.path("type").asString())) {
        int rows = widget.path("limit").asInt(ViewQueries.DEFAULT_ROWS);
        return new WidgetData(null, records.query(app, form, ViewQueries.list(widget, rows), actor), List.of());
      }
      return new WidgetData(records.aggregate(app, form, ViewQueries.aggregate(widget), actor), null, List.of());
    } catch (TangramException e) {
      return new WidgetData(null, null, e.errors());
    }
  }

  private static JsonNode dashboardOf(JsonNode widget) {
    var dashboard = dev.tangram.engine.common.Json.MAPPER.createObjectNode().put("type", "dashboard");
    dashboard.putArray("widgets").add(widget);
    return dashboard;
  }

  /** The form as records are written now: its latest published version, else its draft. */
  private Optional<FormDefinition> definitionOf(String app, String form) {
    if (!forms.formKeys(app).contains(form)) {
      return Optional.empty();
    }
    try {
      return Optional.of(forms.getLatestPublished(app, form).definition());
    } catch (ConflictException notPublished) {
      return Optional.of(forms.getDraft(app, form));
    }
  }

  private static View toView(String app, String key, JsonNode definition) {
    return new View(app, key, definition.path("type").asString(""), definition);
  }

  private void requireMember(String app, Actor actor) {
    apps.get(app);
    if (!access.isAppMember(actor, app)) {
      throw new ForbiddenException(actor.username() + " is not a member of app '" + app + "'");
    }
  }

  private void requireAdmin(String app, Actor actor) {
    apps.get(app);
    if (!access.isAppAdmin(actor, app)) {
      throw new ForbiddenException(actor.username() + " is not an admin of app '" + app + "'");
    }
  }
}
