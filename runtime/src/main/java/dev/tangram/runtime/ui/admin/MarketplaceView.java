package dev.tangram.runtime.ui.admin;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.tangram.designer.marketplace.Marketplace;
import dev.tangram.engine.access.AuditLog;
import dev.tangram.engine.templates.TemplateService;
import dev.tangram.runtime.ui.shell.CurrentUser;
import jakarta.annotation.security.RolesAllowed;

/** The template marketplace ({@link Marketplace}); platform admins only, like the API's install and upload. */
@Route("admin/marketplace")
@RolesAllowed("ADMIN")
public class MarketplaceView extends VerticalLayout implements HasDynamicTitle {

  public MarketplaceView(TemplateService templates, AuditLog audit, CurrentUser user) {
    addClassName("page");
    add(new Marketplace(templates, audit, user.username()));
  }

  @Override
  public String getPageTitle() {
    return getTranslation("market.title") + " · " + getTranslation("app.name");
  }
}
