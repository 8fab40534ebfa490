package dev.tangram.runtime.ui.shell;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.tangram.engine.apps.App;
import dev.tangram.engine.apps.AppService;
import dev.tangram.engine.common.TangramException;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.forms.FormService;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** The start page: every installed app as a tile; admins can create a new, empty app here. */
@Route("")
@PermitAll
public class LauncherView extends VerticalLayout implements HasDynamicTitle {

  private final AppService apps;
  private final FormService forms;
  private final CurrentUser user;
  private final Div tiles = new Div();

  public LauncherView(AppService apps, FormService forms, CurrentUser user) {
    this.apps = apps;
    this.forms = forms;
    this.user = user;
    addClassName("launcher");
    H2 title = new H2(getTranslation("launcher.title"));
    HorizontalLayout header = new HorizontalLayout(title);
    header.setWidthFull();
    header.setAlignItems(Alignment.CENTER);
    if (user.isAdmin()) {
      Button create = new Button(getTranslation("launcher.newApp"), VaadinIcon.PLUS.create(), e -> openCreateDialog());
      create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      create.setId("new-app");
      header.add(create);
      header.expand(title);
    }
    tiles.addClassName("tiles");
    tiles.setId("app-tiles");
    add(header, tiles);
    refresh();
  }

  private void refresh() {
    tiles.removeAll();
    List<App> all = apps.list();
    if (all.isEmpty()) {
      tiles.add(new Paragraph(getTranslation("launcher.empty")));
    }
    all.forEach(app -> tiles.add(tile(app)));
  }

  private RouterLink tile(App app) {
    RouterLink tile = new RouterLink();
    tile.setRoute(AppHomeView.class, AppHomeView.parameters(app.key()));
    tile.addClassName("tile");
    tile.setId("tile-" + app.key());
    Span icon = new Span(app.name().isBlank() ? "?" : app.name().substring(0, 1).toUpperCase());
    icon.addClassName("tile-icon");
    Span name = new Span(app.name());
    name.addClassName("tile-name");
    Span meta = new Span(getTranslation("launcher.forms", forms.list(app.key()).size()));
    meta.addClassName("tile-meta");
    tile.add(icon, name, meta);
    if (app.description() != null && !app.description().isBlank()) {
      Span description = new Span(app.description());
      description.addClassName("tile-description");
      tile.add(description);
    }
    return tile;
  }

  private void openCreateDialog() {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(getTranslation("launcher.newApp"));
    TextField key = new TextField(getTranslation("app.key"));
    key.setId("new-app-key");
    key.setHelperText(getTranslation("app.key.help"));
    TextField name = new TextField(getTranslation("app.displayName"));
    name.setId("new-app-name");
    Button save = new Button(getTranslation("action.create"), e -> {
      try {
        apps.create(key.getValue().trim(), name.getValue().trim(), null, user.username());
        dialog.close();
        refresh();
      } catch (ValidationException ex) {
        ex.errors().forEach(err -> ("name".equals(err.field()) ? name : key).setErrorMessage(err.message()));
        key.setInvalid(ex.errors().stream().anyMatch(err -> !"name".equals(err.field())));
        name.setInvalid(ex.errors().stream().anyMatch(err -> "name".equals(err.field())));
      } catch (TangramException ex) {
        key.setErrorMessage(ex.getMessage());
        key.setInvalid(true);
      }
    });
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.addClickShortcut(Key.ENTER);
    save.setId("new-app-save");
    dialog.add(new VerticalLayout(key, name));
    dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
    dialog.open();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("launcher.title") + " · " + getTranslation("app.name");
  }

  static void notifyError(String message) {
    Notification.show(message, 5000, Notification.Position.MIDDLE);
  }
}
