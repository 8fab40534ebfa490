package dev.tangram.runtime.ui.shell;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import dev.tangram.engine.access.AccessPolicy;
import dev.tangram.engine.apps.App;
import dev.tangram.engine.apps.AppService;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.forms.FormSummary;
import jakarta.annotation.security.PermitAll;

/** An app's start page: its forms as cards with "fill in", "records" and, for app admins, "design". */
@Route("apps/:app")
@PermitAll
public class AppHomeView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  private final AppService apps;
  private final FormService forms;
  private final AccessPolicy access;
  private final CurrentUser user;
  private String title = "";

  public AppHomeView(AppService apps, FormService forms, AccessPolicy access, CurrentUser user) {
    this.apps = apps;
    this.forms = forms;
    this.access = access;
    this.user = user;
    addClassName("app-home");
  }

  public static RouteParameters parameters(String app) {
    return new RouteParameters("app", app);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    String key = event.getRouteParameters().get("app").orElse("");
    App app = apps.find(key).orElse(null);
    removeAll();
    if (app == null) {
      add(new Paragraph(getTranslation("error.appNotFound", key)));
      return;
    }
    title = app.name();
    boolean designer = access.isAppAdmin(user.actor(), app.key());
    H2 heading = new H2(app.name());
    HorizontalLayout header = new HorizontalLayout(heading);
    header.setWidthFull();
    header.setAlignItems(Alignment.CENTER);
    header.expand(heading);
    if (designer) {
      Button newForm = new Button(getTranslation("app.newForm"), VaadinIcon.PLUS.create(),
          e -> e.getSource().getUI().ifPresent(ui -> ui.navigate("apps/" + app.key() + "/design")));
      newForm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      newForm.setId("new-form");
      header.add(newForm);
    }
    add(header);
    if (app.description() != null) {
      add(new Paragraph(app.description()));
    }
    Div cards = new Div();
    cards.addClassName("tiles");
    for (FormSummary form : forms.list(app.key())) {
      cards.add(card(app.key(), form, designer));
    }
    if (cards.getChildren().findAny().isEmpty()) {
      cards.add(new Paragraph(getTranslation("app.noForms")));
    }
    add(cards);
  }

  private Div card(String app, FormSummary form, boolean designer) {
    Div card = new Div();
    card.addClassName("form-card");
    card.setId("form-card-" + form.key());
    Span name = new Span(form.name());
    name.addClassName("tile-name");
    Span version = new Span(form.publishedVersion() > 0 ? getTranslation("form.version", form.publishedVersion())
        : getTranslation("form.unpublished"));
    version.addClassName("tile-meta");
    HorizontalLayout actions = new HorizontalLayout();
    actions.addClassName("card-actions");
    String base = "apps/" + app + "/forms/" + form.key();
    if (form.publishedVersion() > 0) {
      actions.add(link(getTranslation("form.fill"), VaadinIcon.EDIT, base + "/new", ButtonVariant.LUMO_PRIMARY));
      actions.add(link(getTranslation("form.records"), VaadinIcon.TABLE, base, ButtonVariant.LUMO_TERTIARY));
    }
    if (designer) {
      actions.add(link(getTranslation("form.design"), VaadinIcon.PENCIL, "apps/" + app + "/design/" + form.key(), ButtonVariant.LUMO_TERTIARY));
      Button flow = link(getTranslation("form.flow"), VaadinIcon.SITEMAP, "apps/" + app + "/flow/" + form.key(), ButtonVariant.LUMO_TERTIARY);
      flow.setId("flow-" + form.key());
      actions.add(flow);
    }
    card.add(name, version, actions);
    return card;
  }

  private static Button link(String text, VaadinIcon icon, String target, ButtonVariant variant) {
    Button button = new Button(text, icon.create(), e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(target)));
    button.addThemeVariants(variant, ButtonVariant.LUMO_SMALL);
    return button;
  }

  @Override
  public String getPageTitle() {
    return title + " · " + getTranslation("app.name");
  }
}
