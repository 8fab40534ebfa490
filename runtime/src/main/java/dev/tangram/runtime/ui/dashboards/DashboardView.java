package dev.tangram.runtime.ui.dashboards;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.tangram.designer.dashboards.WidgetCard;
import dev.tangram.engine.access.AccessPolicy;
import dev.tangram.engine.common.TangramException;
import dev.tangram.engine.views.View;
import dev.tangram.engine.views.ViewService;
import dev.tangram.engine.views.WidgetData;
import dev.tangram.runtime.ui.shell.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * An app's dashboards ({@code /apps/{app}/dashboards[/{key}]}): the chosen one's widgets as number
 * cards and SVG charts, computed by the engine within the viewer's rows and fields. App admins get
 * "edit" and "new dashboard".
 */
@Route("apps/:app/dashboards/:key?")
@PermitAll
public class DashboardView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  private final ViewService views;
  private final AccessPolicy access;
  private final CurrentUser user;
  private final DashboardForms forms;
  private String title = "";

  public DashboardView(ViewService views, AccessPolicy access, CurrentUser user, DashboardForms forms) {
    this.views = views;
    this.access = access;
    this.user = user;
    this.forms = forms;
    addClassName("page");
    addClassName("dashboard-page");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    String app = event.getRouteParameters().get("app").orElse("");
    String key = event.getRouteParameters().get("key").orElse(null);
    removeAll();
    List<View> dashboards;
    try {
      dashboards = views.list(app, user.actor()).stream().filter(v -> "dashboard".equals(v.type())).toList();
    } catch (TangramException e) {
      add(new Paragraph(e.getMessage()));
      return;
    }
    boolean admin = access.isAppAdmin(user.actor(), app);
    View shown = dashboards.stream().filter(v -> v.key().equals(key)).findFirst().orElse(dashboards.isEmpty() ? null : dashboards.getFirst());
    String language = DashboardForms.language(getLocale());
    title = shown == null ? getTranslation("nav.dashboard") : shown.title(language);
    H2 heading = new H2(title);
    heading.setId("dashboard-title");
    FlexLayout header = new FlexLayout(heading);
    header.addClassName("list-header");
    FlexLayout tools = new FlexLayout();
    tools.addClassName("list-tools");
    if (dashboards.size() > 1) {
      Select<View> picker = new Select<>();
      picker.setItems(dashboards);
      picker.setItemLabelGenerator(v -> v.title(language));
      picker.setValue(shown);
      picker.setAriaLabel(getTranslation("dash.choose"));
      picker.setId("dashboard-picker");
      picker.addValueChangeListener(e -> {
        if (e.isFromClient() && e.getValue() != null) {
          getUI().ifPresent(ui -> ui.navigate("apps/" + app + "/dashboards/" + e.getValue().key()));
        }
      });
      tools.add(picker);
    }
    if (admin && shown != null) {
      tools.add(button("dash.edit", VaadinIcon.PENCIL, "edit-dashboard", "apps/" + app + "/dashboard-editor/" + shown.key(), ButtonVariant.LUMO_TERTIARY));
    }
    if (admin) {
      tools.add(button("dash.new", VaadinIcon.PLUS, "new-dashboard", "apps/" + app + "/dashboard-editor", ButtonVariant.LUMO_PRIMARY));
    }
    add(header, tools);
    if (shown == null) {
      add(new Paragraph(getTranslation("dash.none")));
      return;
    }
    add(grid(app, shown));
  }

  private Div grid(String app, View shown) {
    Div grid = new Div();
    grid.addClassName("dashboard-grid");
    grid.setId("dashboard-grid");
    List<WidgetData> data = views.dashboard(app, shown.key(), user.actor());
    JsonNode widgets = shown.definition().path("widgets");
    for (int i = 0; i < data.size(); i++) {
      JsonNode widget = widgets.get(i);
      WidgetCard card = new WidgetCard(widget, data.get(i), forms.find(app, widget.path("form").asString("")), getLocale());
      card.setId("widget-" + i);
      grid.add(card);
    }
    return grid;
  }

  private Button button(String label, VaadinIcon icon, String id, String target, ButtonVariant variant) {
    Button button = new Button(getTranslation(label), icon.create(), e -> getUI().ifPresent(ui -> ui.navigate(target)));
    button.addThemeVariants(variant);
    button.setId(id);
    return button;
  }

  @Override
  public String getPageTitle() {
    return title + " · " + getTranslation("app.name");
  }
}
