package dev.tangram.runtime.ui.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import dev.tangram.engine.access.AccessPolicy;
import dev.tangram.engine.access.Actor;
import dev.tangram.engine.apps.App;

/**
 * The admin entries of the side navigation: an app's permissions, webhooks and triggers for its
 * admins; the platform screens for platform admins; everyone's own API tokens. Hiding an entry is
 * only convenience: each screen checks again on the server.
 */
public final class AdminNavigation {

  private AdminNavigation() {}

  /** Adds the app's admin entries below {@code appItem} when {@code actor} administers the app. */
  public static void addAppItems(SideNavItem appItem, App app, Actor actor, AccessPolicy access, Component ui) {
    if (!access.isAppAdmin(actor, app.key())) {
      return;
    }
    String base = "apps/" + app.key() + "/admin/";
    appItem.addItem(item(ui, "admin.access.title", base + "access", VaadinIcon.LOCK, "nav-access"));
    appItem.addItem(item(ui, "admin.webhooks.title", base + "webhooks", VaadinIcon.CONNECT, "nav-webhooks"));
    appItem.addItem(item(ui, "admin.triggers.title", base + "triggers", VaadinIcon.SIGN_IN, "nav-triggers"));
  }

  /** Adds the "Administration" group (platform admins) and the API tokens entry (everyone). */
  public static void addPlatformItems(SideNav nav, Actor actor, Component ui) {
    SideNavItem admin = new SideNavItem(ui.getTranslation("nav.admin"));
    admin.setPrefixComponent(VaadinIcon.COG.create());
    admin.setId("nav-admin");
    if (actor.platformAdmin()) {
      admin.addItem(item(ui, "admin.users.title", "admin/users", VaadinIcon.USERS, "nav-users"));
      admin.addItem(item(ui, "admin.departments.title", "admin/departments", VaadinIcon.SITEMAP, "nav-departments"));
      admin.addItem(item(ui, "admin.roles.title", "admin/roles", VaadinIcon.USER_STAR, "nav-roles"));
      admin.addItem(item(ui, "market.title", "admin/marketplace", VaadinIcon.SHOP, "nav-marketplace"));
      admin.addItem(item(ui, "admin.audit.title", "admin/audit", VaadinIcon.LIST, "nav-audit"));
    }
    admin.addItem(item(ui, "admin.tokens.title", "admin/tokens", VaadinIcon.KEY, "nav-tokens"));
    nav.addItem(admin);
  }

  private static SideNavItem item(Component ui, String label, String path, VaadinIcon icon, String id) {
    SideNavItem item = new SideNavItem(ui.getTranslation(label), path, icon.create());
    item.setId(id);
    return item;
  }
}
