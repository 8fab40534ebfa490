package dev.tangram.designer.marketplace;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.tangram.engine.access.AuditLog;
import dev.tangram.engine.common.TangramException;
import dev.tangram.engine.templates.CatalogEntry;
import dev.tangram.engine.templates.TemplateService;
import dev.tangram.engine.templates.UninstallResult;
import java.util.List;

/**
 * Uninstalls an app: the dry run shows the records per form that stay (or go, with "purge"); the
 * engine refuses while another installed app requires this one, and says which.
 */
final class UninstallDialog extends Dialog {

  UninstallDialog(CatalogEntry entry, TemplateService templates, AuditLog audit, String actor, Runnable removed) {
    setHeaderTitle(getTranslation("market.uninstall.title", Texts.pick(entry.name(), getLocale())));
    Checkbox purge = new Checkbox(getTranslation("market.uninstall.purge"));
    purge.setId("uninstall-purge");
    Div plan = new Div();
    plan.setId("uninstall-plan");
    Problems problems = new Problems();
    problems.setId("uninstall-problems");
    Button confirm = new Button(getTranslation("market.uninstall"));
    confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
    confirm.setId("uninstall-run");
    Runnable preview = () -> {
      try {
        UninstallResult result = templates.uninstall(entry.key(), purge.getValue(), true, actor);
        problems.show(List.of());
        plan.removeAll();
        plan.add(new Paragraph(getTranslation(purge.getValue() ? "market.uninstall.purged" : "market.uninstall.kept")));
        result.records().forEach((form, count) -> plan.add(new Paragraph(form + ": " + getTranslation("market.uninstall.records", count))));
        confirm.setEnabled(true);
      } catch (TangramException e) {
        problems.show(e.errors());
        confirm.setEnabled(false);
      }
    };
    purge.addValueChangeListener(e -> preview.run());
    confirm.addClickListener(e -> {
      try {
        UninstallResult result = templates.uninstall(entry.key(), purge.getValue(), false, actor);
        audit.record(actor, "app.deleted", "app:" + result.app(), "template " + result.template() + (result.purge() ? ", with its records" : ", data kept"));
        close();
        removed.run();
      } catch (TangramException ex) {
        problems.show(ex.errors());
      }
    });
    VerticalLayout body = new VerticalLayout(problems, purge, plan);
    body.setPadding(false);
    add(body);
    getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), confirm);
    setWidth("min(600px, 100vw)");
    preview.run();
  }
}
