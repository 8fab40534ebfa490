package dev.tangram.designer.marketplace;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import dev.tangram.engine.access.AuditLog;
import dev.tangram.engine.common.TangramException;
import dev.tangram.engine.templates.CatalogEntry;
import dev.tangram.engine.templates.InstallObserver;
import dev.tangram.engine.templates.InstallResult;
import dev.tangram.engine.templates.TemplateService;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Installs one template: its parameters asked in a form, then the install runs in the background
 * with a progress bar fed by the engine's {@link InstallObserver}, and ends with a summary of what
 * was created (or the engine's problems, with nothing installed).
 */
final class InstallDialog extends Dialog {

  private static final int POLL_MS = 250;
  private final ProgressBar progress = new ProgressBar();
  private final Span step = new Span();
  private final Problems problems = new Problems();
  private final Div result = new Div();
  private final CatalogEntry entry;

  InstallDialog(CatalogEntry entry, TemplateService templates, AuditLog audit, String actor, Consumer<String> installed) {
    this.entry = entry;
    setHeaderTitle(getTranslation("market.install.title", Texts.pick(entry.name(), getLocale()), entry.version()));
    ParameterInputs inputs = new ParameterInputs(entry.parameters(), Map.of(), getLocale());
    Paragraph intro = new Paragraph(getTranslation(inputs.isEmpty() ? "market.install.noParams" : "market.install.params"));
    progress.setVisible(false);
    step.setId("install-step");
    result.setId("install-result");
    result.addClassName("install-result");
    VerticalLayout body = new VerticalLayout(intro, problems, inputs, progress, step, result);
    body.setPadding(false);
    add(body);
    Button close = new Button(getTranslation("action.close"), e -> close());
    Button install = new Button(getTranslation("market.install"));
    install.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    install.setId("install-run");
    install.addClickListener(e -> {
      install.setEnabled(false);
      close.setEnabled(false);
      problems.show(List.of());
      progress.setVisible(true);
      progress.setIndeterminate(true);
      step.setText(getTranslation("market.install.starting"));
      UI ui = UI.getCurrent();
      ui.setPollInterval(POLL_MS);
      var params = inputs.values();
      String locale = Texts.templateLocale(getLocale());
      Thread.ofVirtual().name("install-" + entry.key()).start(() -> {
        try {
          InstallResult done = templates.install(entry.key(), null, params, locale, false, actor,
              (app, name, count, total) -> ui.access(() -> {
                progress.setIndeterminate(false);
                progress.setValue(total == 0 ? 1 : count / (double) total);
                step.setText(getTranslation("market.install.step", count, total, name));
              }));
          audit.record(actor, "template.installed", "app:" + done.app(), done.version());
          ui.access(() -> {
            finished(ui, close);
            summary(done);
            installed.accept(done.app());
          });
        } catch (TangramException ex) {
          ui.access(() -> {
            finished(ui, close);
            install.setEnabled(true);
            problems.show(inputs.show(ex.errors()));
          });
        } catch (RuntimeException ex) {
          ui.access(() -> {
            finished(ui, close);
            problems.show(List.of(new dev.tangram.engine.common.FieldError("", "failed", String.valueOf(ex.getMessage()))));
          });
        }
      });
    });
    getFooter().add(close, install);
    setWidth("min(720px, 100vw)");
    setCloseOnOutsideClick(false);
  }

  private void finished(UI ui, Button close) {
    ui.setPollInterval(-1);
    close.setEnabled(true);
    progress.setVisible(false);
    step.setText("");
  }

  private String label(String parameter) {
    return entry.parameters().stream().filter(p -> p.key().equals(parameter)).findFirst()
        .map(p -> Texts.pick(p.label(), getLocale())).orElse(parameter);
  }

  private void summary(InstallResult done) {
    result.removeAll();
    result.add(new Paragraph(getTranslation("market.install.done", done.app(), done.version(), done.millis())));
    done.created().forEach((what, count) -> result.add(new Paragraph(getTranslation("market.creates." + what) + ": " + count)));
    if (!done.installedFirst().isEmpty()) {
      result.add(new Paragraph(getTranslation("market.install.first", String.join(", ", done.installedFirst()))));
    }
    if (!done.params().isEmpty()) {
      done.params().forEach((key, value) -> result.add(new Paragraph(label(key) + ": " + value)));
    }
  }
}
