package dev.tangram.runtime.ui.design;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.tangram.designer.forms.FormDesigner;
import dev.tangram.engine.access.AccessPolicy;
import dev.tangram.engine.common.TangramException;
import dev.tangram.engine.forms.FormScriptChecker;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.rules.FormulaEngine;
import dev.tangram.engine.rules.ScriptSandbox;
import dev.tangram.runtime.ui.forms.RenderContexts;
import dev.tangram.runtime.ui.shell.CurrentUser;
import jakarta.annotation.security.PermitAll;

/** The form designer of an app ({@code /apps/{app}/design} for a new form); only app admins may open it. */
@Route("apps/:app/design/:form?")
@PermitAll
public class FormDesignerView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  private final FormService forms;
  private final FormScriptChecker scripts;
  private final RenderContexts contexts;
  private final AccessPolicy access;
  private final CurrentUser user;

  public FormDesignerView(FormService forms, FormulaEngine formulas, ScriptSandbox sandbox, RenderContexts contexts,
      AccessPolicy access, CurrentUser user) {
    this.forms = forms;
    this.scripts = new FormScriptChecker(formulas, sandbox);
    this.contexts = contexts;
    this.access = access;
    this.user = user;
    addClassName("page");
    addClassName("designer-page");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    String app = event.getRouteParameters().get("app").orElse("");
    String form = event.getRouteParameters().get("form").orElse(null);
    removeAll();
    if (!access.isAppAdmin(user.actor(), app)) {
      add(new Paragraph(getTranslation("designer.notAllowed")));
      return;
    }
    try {
      add(new FormDesigner(app, form, forms, scripts, contexts.forApp(app, user.actor()), user.username(),
          key -> getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, "apps/" + app + "/design/" + key))));
    } catch (TangramException e) {
      add(new Paragraph(e.getMessage()));
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("designer.title") + " · " + getTranslation("app.name");
  }
}
