package dev.tangram.runtime.ui.admin;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import dev.tangram.engine.access.AccessPolicy;
import dev.tangram.engine.apps.App;
import dev.tangram.engine.apps.AppService;
import dev.tangram.runtime.ui.shell.CurrentUser;

/**
 * An admin page of one app ({@code apps/:app/admin/…}): built only for the app's admins (and
 * platform admins), checked on the server at every navigation; anyone else gets a refusal and none
 * of the page's controls.
 */
abstract class AppAdminPage extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  protected final AppService apps;
  protected final AccessPolicy access;
  protected final CurrentUser user;
  private String title = "";

  AppAdminPage(AppService apps, AccessPolicy access, CurrentUser user) {
    this.apps = apps;
    this.access = access;
    this.user = user;
    addClassName("page");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    String key = event.getRouteParameters().get("app").orElse("");
    removeAll();
    App app = apps.find(key).orElse(null);
    if (app == null) {
      add(new Paragraph(getTranslation("error.appNotFound", key)));
      return;
    }
    if (!access.isAppAdmin(user.actor(), key)) {
      Paragraph refused = new Paragraph(getTranslation("admin.notAllowed"));
      refused.setId("not-allowed");
      add(refused);
      return;
    }
    title = getTranslation(titleKey()) + " · " + app.name();
    build(app);
  }

  /** The bundle key of the page's title. */
  abstract String titleKey();

  /** Builds the page for an admin of {@code app}. */
  abstract void build(App app);

  @Override
  public String getPageTitle() {
    return title + " · " + getTranslation("app.name");
  }
}
