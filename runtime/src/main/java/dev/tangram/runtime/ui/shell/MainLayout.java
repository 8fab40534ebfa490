package dev.tangram.runtime.ui.shell;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.tangram.designer.components.LanguageSwitch;
import dev.tangram.engine.access.AccessPolicy;
import dev.tangram.runtime.ui.admin.AdminNavigation;
import dev.tangram.engine.apps.App;
import dev.tangram.engine.apps.AppService;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.forms.FormSummary;
import dev.tangram.engine.flows.Flows;
import dev.tangram.runtime.ui.tasks.TaskBadge;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Optional;

/**
 * The frame of every page after login: a top bar (launcher link, current app, language, user,
 * log out) and a side navigation with the current app's forms, its dashboard and, for admins, the
 * designer and admin screens. On a phone the drawer folds away behind the toggle.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

  private final AppService apps;
  private final FormService forms;
  private final CurrentUser user;
  private final AccessPolicy access;
  private final Span appTitle = new Span();
  private final Div drawer = new Div();
  private final TaskBadge tasks;

  public MainLayout(AppService apps, FormService forms, CurrentUser user, AccessPolicy access, AuthenticationContext authentication,
      Flows flows) {
    this.access = access;
    this.tasks = new TaskBadge(() -> flows.queries().todo(user.actor(), 1, 1).total());
    this.apps = apps;
    this.forms = forms;
    this.user = user;
    setPrimarySection(Section.DRAWER);
    RouterLink brand = new RouterLink(getTranslation("app.name"), LauncherView.class);
    brand.addClassName("brand");
    brand.setId("brand");
    appTitle.addClassName("navbar-app");
    Span spacer = new Span();
    spacer.addClassName("navbar-spacer");
    Span name = new Span(user.username());
    name.addClassName("navbar-user");
    Button logout = new Button(getTranslation("nav.logout"), VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
    logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    logout.setId("logout");
    addToNavbar(new DrawerToggle(), appTitle, spacer, tasks, new LanguageSwitch(), name, logout);
    Div drawerBrand = new Div(brand);
    drawerBrand.addClassName("drawer-brand");
    drawer.addClassName("drawer");
    addToDrawer(drawerBrand, drawer);
  }

  @Override
  public void afterNavigation(AfterNavigationEvent event) {
    List<String> segments = event.getLocation().getSegments();
    Optional<App> app = segments.size() >= 2 && "apps".equals(segments.get(0)) ? apps.find(segments.get(1)) : Optional.empty();
    drawer.removeAll();
    appTitle.setText(app.map(App::name).orElse(""));
    SideNav nav = new SideNav();
    nav.setId("side-nav");
    nav.addItem(new SideNavItem(getTranslation("nav.launcher"), "", VaadinIcon.GRID_BIG.create()));
    SideNavItem inbox = new SideNavItem(getTranslation("inbox.title"), "tasks", VaadinIcon.INBOX.create());
    inbox.setId("nav-tasks");
    nav.addItem(inbox);
    tasks.refresh();
    app.ifPresent(a -> addAppItems(nav, a));
    AdminNavigation.addPlatformItems(nav, user.actor(), this);
    drawer.add(nav);
  }

  private void addAppItems(SideNav nav, App app) {
    String base = "apps/" + app.key();
    SideNavItem home = new SideNavItem(app.name(), base, VaadinIcon.CUBE.create());
    home.setExpanded(true);
    for (FormSummary form : forms.list(app.key())) {
      SideNavItem item = new SideNavItem(form.name(), base + "/forms/" + form.key(), VaadinIcon.TABLE.create());
      item.setId("nav-form-" + form.key());
      home.addItem(item);
    }
    SideNavItem dashboards = new SideNavItem(getTranslation("nav.dashboard"), base + "/dashboards", VaadinIcon.CHART.create());
    dashboards.setId("nav-dashboards");
    dashboards.setMatchNested(true);
    home.addItem(dashboards);
    AdminNavigation.addAppItems(home, app, user.actor(), access, this);
    nav.addItem(home);
  }
}
