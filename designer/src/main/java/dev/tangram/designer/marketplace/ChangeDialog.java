package dev.tangram.designer.marketplace;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import dev.tangram.engine.access.AuditLog;
import dev.tangram.engine.common.TangramException;
import dev.tangram.engine.templates.CatalogEntry;
import dev.tangram.engine.templates.InstallObserver;
import dev.tangram.engine.templates.TemplateService;
import dev.tangram.engine.templates.UpgradeResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Upgrades an installed app or changes its parameters. "Preview" runs the engine's dry run and
 * lists what would change and every conflict (the shipped, the installed and the offered value);
 * the admin picks "keep mine" or "take theirs" per conflict, and "Apply" runs it. An undecided
 * conflict changes nothing.
 */
final class ChangeDialog extends Dialog {

  private final Map<String, RadioButtonGroup<String>> decisions = new LinkedHashMap<>();
  private final Div plan = new Div();
  private final Problems problems = new Problems();

  /** @param parameters true: change the parameters of the installed version; false: upgrade to {@code entry.version()} */
  ChangeDialog(CatalogEntry entry, boolean parameters, TemplateService templates, AuditLog audit, String actor, Runnable changed) {
    String name = Texts.pick(entry.name(), getLocale());
    setHeaderTitle(parameters ? getTranslation("market.params.title", name)
        : getTranslation("market.upgrade.title", name, entry.installedVersion(), entry.version()));
    @Nullable ParameterInputs inputs = parameters ? new ParameterInputs(entry.parameters(), templates.parameters(entry.key()), getLocale()) : null;
    plan.setId("change-plan");
    plan.setWidthFull();
    VerticalLayout body = new VerticalLayout(new Paragraph(getTranslation("market.change.hint")), problems);
    if (inputs != null) {
      body.add(inputs);
    }
    body.add(plan);
    body.setPadding(false);
    add(body);
    Button preview = new Button(getTranslation("market.change.preview"), e -> run(entry, inputs, templates, audit, actor, true, changed));
    preview.setId("change-preview");
    Button apply = new Button(getTranslation("market.change.apply"), e -> run(entry, inputs, templates, audit, actor, false, changed));
    apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    apply.setId("change-apply");
    Button close = new Button(getTranslation("action.close"), e -> close());
    close.setId("change-close");
    getFooter().add(close, preview, apply);
    setWidth("min(900px, 100vw)");
    if (!parameters) {
      run(entry, null, templates, audit, actor, true, changed);
    }
  }

  private void run(CatalogEntry entry, @Nullable ParameterInputs inputs, TemplateService templates, AuditLog audit, String actor,
      boolean dryRun, Runnable changed) {
    Map<String, String> resolutions = new LinkedHashMap<>();
    decisions.forEach((path, choice) -> {
      if (choice.getValue() != null) {
        resolutions.put(path, choice.getValue());
      }
    });
    try {
      problems.show(List.of());
      UpgradeResult result;
      if (inputs != null) {
        ObjectNode params = inputs.values();
        inputs.show(List.of());
        result = templates.changeParameters(entry.key(), params, resolutions, dryRun, actor);
      } else {
        result = templates.upgrade(entry.key(), entry.version(), null, resolutions, dryRun, actor, InstallObserver.NONE);
      }
      show(result);
      if (result.status().equals("upgraded")) {
        audit.record(actor, "template.upgraded", "app:" + entry.key(), result.from() + " -> " + result.to());
        changed.run();
      }
    } catch (TangramException e) {
      problems.show(inputs == null ? e.errors() : inputs.show(e.errors()));
    }
  }

  private void show(UpgradeResult result) {
    plan.removeAll();
    Paragraph status = new Paragraph(getTranslation("market.change.status." + result.status(), result.from(), result.to()));
    status.setId("change-status");
    plan.add(status);
    if (!result.changes().isEmpty()) {
      Grid<UpgradeResult.Change> changes = new Grid<>();
      changes.addColumn(UpgradeResult.Change::path).setHeader(getTranslation("market.change.path")).setFlexGrow(1);
      changes.addColumn(c -> getTranslation("market.change.kind." + c.kind())).setHeader(getTranslation("market.change.kind")).setAutoWidth(true);
      changes.setItems(result.changes());
      changes.setAllRowsVisible(true);
      changes.setId("change-list");
      plan.add(new H4(getTranslation("market.change.changes")), changes);
    }
    if (!result.migrations().isEmpty()) {
      plan.add(new H4(getTranslation("market.change.migrations")), new Paragraph(String.join(", ", result.migrations())));
    }
    Map<String, RadioButtonGroup<String>> kept = new LinkedHashMap<>(decisions);
    decisions.clear();
    if (!result.conflicts().isEmpty()) {
      plan.add(new H4(getTranslation("market.change.conflicts", result.conflicts().size())));
      for (UpgradeResult.Conflict conflict : result.conflicts()) {
        RadioButtonGroup<String> choice = new RadioButtonGroup<>(conflict.path());
        choice.setItems("mine", "theirs");
        choice.setItemLabelGenerator(c -> getTranslation("market.change." + c));
        if (kept.containsKey(conflict.path())) {
          choice.setValue(kept.get(conflict.path()).getValue());
        }
        decisions.put(conflict.path(), choice);
        Div box = new Div(choice, values(conflict));
        box.addClassName("conflict");
        plan.add(box);
      }
    }
  }

  private Div values(UpgradeResult.Conflict conflict) {
    Div values = new Div();
    values.addClassName("conflict-values");
    values.add(value("market.change.shipped", conflict.shipped()), value("market.change.installed", conflict.installed()),
        value("market.change.offered", conflict.offered()));
    return values;
  }

  private Div value(String label, @Nullable JsonNode value) {
    Div box = new Div(new Paragraph(getTranslation(label)), new Pre(value == null ? "—" : value.toPrettyString()));
    box.addClassName("conflict-value");
    return box;
  }
}
