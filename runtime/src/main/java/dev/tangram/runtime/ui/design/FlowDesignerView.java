package dev.tangram.runtime.ui.design;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.tangram.designer.flows.FlowDesignContext;
import dev.tangram.designer.flows.FlowDesigner;
import dev.tangram.engine.access.AccessPolicy;
import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.engine.common.NotFoundException;
import dev.tangram.engine.common.TangramException;
import dev.tangram.engine.flows.Flows;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.plugins.PluginRegistry;
import dev.tangram.engine.rules.ScriptSandbox;
import dev.tangram.runtime.ui.shell.CurrentUser;
import jakarta.annotation.security.PermitAll;

/** The flow designer of a form ({@code /apps/{app}/flow/{form}}); only app admins may open it. */
@Route("apps/:app/flow/:form")
@PermitAll
public class FlowDesignerView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  private final FormService forms;
  private final Flows flows;
  private final OrgDirectory directory;
  private final PluginRegistry plugins;
  private final ScriptSandbox sandbox;
  private final AccessPolicy access;
  private final CurrentUser user;

  public FlowDesignerView(FormService forms, Flows flows, OrgDirectory directory, PluginRegistry plugins, ScriptSandbox sandbox,
      AccessPolicy access, CurrentUser user) {
    this.forms = forms;
    this.flows = flows;
    this.directory = directory;
    this.plugins = plugins;
    this.sandbox = sandbox;
    this.access = access;
    this.user = user;
    addClassName("page");
    addClassName("designer-page");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    String app = event.getRouteParameters().get("app").orElse("");
    String form = event.getRouteParameters().get("form").orElse("");
    removeAll();
    if (!access.isAppAdmin(user.actor(), app)) {
      add(new Paragraph(getTranslation("flow.designer.notAllowed")));
      return;
    }
    try {
      FormDefinition definition = definition(app, form);
      add(new FlowDesigner(new FlowDesignContext(app, definition, flows.definitions(), directory, plugins, sandbox, user.actor()),
          deployed -> FlowPicture.of(deployed, flows.queries().flowSvg(app, form, deployed.version()))));
    } catch (TangramException e) {
      add(new Paragraph(e.getMessage()));
    }
  }

  /** The published form's fields (what records have), or the draft's before the first publish. */
  private FormDefinition definition(String app, String form) {
    try {
      return forms.getLatestPublished(app, form).definition();
    } catch (NotFoundException e) {
      return forms.getDraft(app, form);
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("flow.designer.page") + " · " + getTranslation("app.name");
  }
}
