package dev.tangram.runtime.ui.dashboards;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.tangram.designer.dashboards.WidgetCard;
import dev.tangram.engine.access.AccessPolicy;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.common.TangramException;
import dev.tangram.engine.forms.FormSummary;
import dev.tangram.engine.views.View;
import dev.tangram.engine.views.ViewService;
import dev.tangram.runtime.ui.shell.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The dashboard editor for app admins ({@code /apps/{app}/dashboard-editor[/{key}]}): a canvas of
 * the widgets as live previews (computed by the engine as the editor would see them) with
 * move up/down and remove, a property panel for the selected widget, the dashboard's key and
 * titles, save (checked by the engine: its problems are listed) and delete.
 */
@Route("apps/:app/dashboard-editor/:key?")
@PermitAll
public class DashboardEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  private static final Pattern WIDGET_PATH = Pattern.compile("^widgets\\[(\\d+)]\\.?(.*)$");

  private final ViewService views;
  private final AccessPolicy access;
  private final CurrentUser user;
  private final DashboardForms forms;
  private final List<ObjectNode> widgets = new ArrayList<>();
  private final Div canvas = new Div();
  private final Div panel = new Div();
  private final Div problems = new Div();
  private final TextField key = new TextField();
  private final TextField titleEn = new TextField();
  private final TextField titleZh = new TextField();
  private String app = "";
  private boolean existing;
  private int selected = -1;

  public DashboardEditorView(ViewService views, AccessPolicy access, CurrentUser user, DashboardForms forms) {
    this.views = views;
    this.access = access;
    this.user = user;
    this.forms = forms;
    addClassName("page");
    addClassName("dashboard-editor");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    app = event.getRouteParameters().get("app").orElse("");
    String viewKey = event.getRouteParameters().get("key").orElse(null);
    removeAll();
    widgets.clear();
    selected = -1;
    try {
      if (!access.isAppAdmin(user.actor(), app)) {
        add(new Paragraph(getTranslation("dash.adminsOnly")));
        return;
      }
      existing = viewKey != null;
      JsonNode definition = existing ? views.get(app, viewKey, user.actor()).definition() : Json.MAPPER.createObjectNode();
      definition.path("widgets").forEach(w -> widgets.add(((ObjectNode) w).deepCopy()));
      settings(viewKey, definition);
    } catch (TangramException e) {
      add(new Paragraph(e.getMessage()));
      return;
    }
    canvas.addClassName("dashboard-grid");
    canvas.addClassName("editor-canvas");
    canvas.setId("editor-canvas");
    panel.addClassName("editor-panel");
    problems.addClassName("form-errors");
    problems.setId("dashboard-problems");
    problems.setVisible(false);
    FlexLayout body = new FlexLayout(canvas, panel);
    body.addClassName("editor-body");
    body.setWidthFull();
    add(problems, body);
    if (widgets.isEmpty()) {
      addWidget();
    } else {
      select(0);
    }
  }

  private void settings(String viewKey, JsonNode definition) {
    H2 heading = new H2(getTranslation(existing ? "dash.editTitle" : "dash.newTitle"));
    key.setLabel(getTranslation("dash.key"));
    key.setHelperText(getTranslation("app.key.help"));
    key.setValue(viewKey == null ? "" : viewKey);
    key.setReadOnly(existing);
    key.setId("dashboard-key");
    titleEn.setLabel(getTranslation("dash.titleEn"));
    titleEn.setValue(definition.path("title").isString() ? definition.path("title").asString() : definition.path("title").path("en").asString(""));
    titleEn.setId("dashboard-title-en");
    titleZh.setLabel(getTranslation("dash.titleZh"));
    titleZh.setValue(definition.path("title").path("zh-CN").asString(""));
    titleZh.setId("dashboard-title-zh");
    Button save = new Button(getTranslation("action.save"), VaadinIcon.CHECK.create(), e -> save());
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.setId("save-dashboard");
    Button add = new Button(getTranslation("dash.addWidget"), VaadinIcon.PLUS.create(), e -> addWidget());
    add.setId("add-widget");
    FlexLayout actions = new FlexLayout(save, add);
    actions.addClassName("list-tools");
    if (existing) {
      Button delete = new Button(getTranslation("action.delete"), VaadinIcon.TRASH.create(), e -> delete());
      delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
      delete.setId("delete-dashboard");
      actions.add(delete);
    }
    Button back = new Button(getTranslation("action.cancel"), e -> getUI().ifPresent(ui -> ui.navigate("apps/" + app + "/dashboards" + (existing ? "/" + viewKey : ""))));
    back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    actions.add(back);
    FlexLayout fields = new FlexLayout(key, titleEn, titleZh);
    fields.addClassName("editor-settings");
    add(heading, fields, actions);
  }

  private void addWidget() {
    ObjectNode widget = Json.MAPPER.createObjectNode().put("type", "count");
    List<FormSummary> published = forms.published(app);
    if (!published.isEmpty()) {
      widget.put("form", published.getFirst().key());
    }
    widget.put("chart", "number");
    widgets.add(widget);
    select(widgets.size() - 1);
  }

  private void select(int index) {
    selected = index;
    drawCanvas();
    panel.removeAll();
    if (index >= 0 && index < widgets.size()) {
      panel.add(new WidgetPanel(widgets.get(index), app, forms, () -> redraw(index)));
    }
  }

  private void drawCanvas() {
    canvas.removeAll();
    for (int i = 0; i < widgets.size(); i++) {
      canvas.add(slot(i));
    }
  }

  private void redraw(int index) {
    if (index < canvas.getComponentCount()) {
      canvas.replace(canvas.getComponentAt(index), slot(index));
    }
  }

  /** One widget on the canvas: its live preview and its tools. */
  private Div slot(int index) {
    ObjectNode widget = widgets.get(index);
    WidgetCard card = new WidgetCard(widget, views.widget(app, widget, user.actor()),
        forms.find(app, widget.path("form").asString("")), getLocale());
    card.setId("preview-" + index);
    Button up = tool(VaadinIcon.ARROW_UP, "dash.moveUp", "widget-up-" + index, () -> move(index, -1));
    up.setEnabled(index > 0);
    Button down = tool(VaadinIcon.ARROW_DOWN, "dash.moveDown", "widget-down-" + index, () -> move(index, 1));
    down.setEnabled(index < widgets.size() - 1);
    Button remove = tool(VaadinIcon.TRASH, "dash.removeWidget", "widget-remove-" + index, () -> {
      widgets.remove(index);
      select(Math.min(index, widgets.size() - 1));
    });
    Div tools = new Div(up, down, remove);
    tools.addClassName("slot-tools");
    Div slot = new Div(tools, card);
    slot.addClassName("editor-slot");
    if (index == selected) {
      slot.addClassName("selected");
    }
    slot.setId("slot-" + index);
    card.addClickListener(e -> {
      if (selected != index) {
        select(index);
      }
    });
    return slot;
  }

  private Button tool(VaadinIcon icon, String label, String id, Runnable action) {
    Button button = new Button(icon.create(), e -> action.run());
    button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
    button.setAriaLabel(getTranslation(label));
    button.setTooltipText(getTranslation(label));
    button.setId(id);
    return button;
  }

  private void move(int index, int by) {
    ObjectNode widget = widgets.remove(index);
    widgets.add(index + by, widget);
    select(index + by);
  }

  private ObjectNode definition() {
    ObjectNode definition = Json.MAPPER.createObjectNode().put("type", "dashboard");
    if (!titleEn.getValue().isBlank() || !titleZh.getValue().isBlank()) {
      ObjectNode title = definition.putObject("title");
      if (!titleEn.getValue().isBlank()) {
        title.put("en", titleEn.getValue().strip());
      }
      if (!titleZh.getValue().isBlank()) {
        title.put("zh-CN", titleZh.getValue().strip());
      }
    }
    widgets.forEach(definition.putArray("widgets")::add);
    return definition;
  }

  private void save() {
    problems.removeAll();
    problems.setVisible(false);
    try {
      View saved = existing ? views.save(app, key.getValue(), definition(), user.actor())
          : views.create(app, key.getValue().strip(), definition(), user.actor());
      Notification.show(getTranslation("dash.saved"), 3000, Notification.Position.BOTTOM_START);
      getUI().ifPresent(ui -> ui.navigate("apps/" + app + "/dashboards/" + saved.key()));
    } catch (TangramException e) {
      for (FieldError error : e.errors()) {
        problems.add(new Div(describe(error)));
      }
      problems.setVisible(true);
    }
  }

  /** "Widget 2: message" for a widget's problem, the message alone for the dashboard's. */
  private String describe(FieldError error) {
    Matcher m = WIDGET_PATH.matcher(error.field());
    return m.matches() ? getTranslation("dash.problem", Integer.parseInt(m.group(1)) + 1, error.message()) : error.message();
  }

  private void delete() {
    try {
      views.delete(app, key.getValue(), user.actor());
      getUI().ifPresent(ui -> ui.navigate("apps/" + app + "/dashboards"));
    } catch (TangramException e) {
      problems.removeAll();
      problems.add(new Div(e.getMessage()));
      problems.setVisible(true);
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation(existing ? "dash.editTitle" : "dash.newTitle") + " · " + getTranslation("app.name");
  }
}
