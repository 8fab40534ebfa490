package dev.tangram.designer.forms;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;
import dev.tangram.designer.render.FormRenderer;
import dev.tangram.designer.render.RenderContext;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.TangramException;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.forms.FormDefinitionWriter;
import dev.tangram.engine.forms.FormScriptChecker;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.forms.FormSummary;
import dev.tangram.engine.forms.FormVersion;
import dev.tangram.engine.forms.fields.FieldTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The form designer of one form of an app. Saving and publishing go through the engine's
 * {@link FormService}, which checks the whole definition; its problems, and the formula and rule
 * syntax problems found while typing ({@link FormScriptChecker}, with line and column), are listed
 * above the canvas. The preview below is the end users' {@link FormRenderer}, live.
 */
public final class FormDesigner extends Composite<Div> {

  private final String app;
  private final FormService forms;
  private final FormScriptChecker scripts;
  private final RenderContext renderContext;
  private final String actor;
  private final Consumer<String> created;
  private final DesignModel model;
  private final DesignCanvas canvas;
  private final PropertyPanel properties;
  private final Div problems = new Div();
  private final Div preview = new Div();
  private final Span version = new Span();
  private final TextField key = new TextField();
  private boolean exists;

  /**
   * @param formKey the form to edit, or null for a new one
   * @param created told the key when a new form has been saved for the first time
   */
  public FormDesigner(String app, @Nullable String formKey, FormService forms, FormScriptChecker scripts, RenderContext renderContext,
      String actor, Consumer<String> created) {
    this.app = app;
    this.forms = forms;
    this.scripts = scripts;
    this.renderContext = renderContext;
    this.actor = actor;
    this.created = created;
    this.exists = formKey != null;
    this.model = formKey == null ? new DesignModel("", "") : new DesignModel(forms.getDraft(app, formKey));
    properties = new PropertyPanel(this::changed, this::delete);
    canvas = new DesignCanvas(model, this::select, this::changed);
    getContent().addClassName("form-designer");
    getContent().add(toolbar(), problems, body(), previewSection());
    problems.addClassName("designer-problems");
    problems.setId("designer-problems");
    showVersion();
    changed();
  }

  private FlexLayout toolbar() {
    TextField name = new TextField(getTranslation("designer.formName"));
    name.setValue(model.name);
    name.setId("designer-name");
    name.addValueChangeListener(e -> {
      model.name = e.getValue();
      if (!exists && key.getValue().isBlank()) {
        key.setValue(suggestedKey(e.getValue()));
      }
      changed();
    });
    key.setLabel(getTranslation("designer.formKey"));
    key.setValue(model.key);
    key.setId("designer-key");
    key.setReadOnly(exists);
    key.addValueChangeListener(e -> model.key = e.getValue());
    Button save = new Button(getTranslation("designer.saveDraft"), VaadinIcon.DOWNLOAD_ALT.create(), e -> save());
    save.setId("designer-save");
    Button publish = new Button(getTranslation("designer.publish"), VaadinIcon.UPLOAD_ALT.create(), e -> publish());
    publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    publish.setId("designer-publish");
    version.addClassName("designer-version");
    version.setId("designer-version");
    FlexLayout bar = new FlexLayout(name, key, save, publish, version);
    bar.addClassName("designer-toolbar");
    return bar;
  }

  private static String suggestedKey(String name) {
    String ascii = name.trim().replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "").toLowerCase();
    return ascii.isEmpty() || !Character.isLetter(ascii.charAt(0)) ? "" : ascii;
  }

  private Div body() {
    Div palette = new Div(new H4(getTranslation("designer.palette")));
    palette.addClassName("palette");
    palette.setId("palette");
    FieldTypes.names().forEach(type -> palette.add(DesignCanvas.paletteItem(type, t -> canvas.drop(t, model.fields, null))));
    Div body = new Div(palette, canvas, properties);
    body.addClassName("designer-body");
    return body;
  }

  private Div previewSection() {
    preview.setId("designer-preview");
    preview.addClassName("designer-preview");
    Div section = new Div(new H3(getTranslation("designer.preview")), preview);
    section.addClassName("form-sheet");
    return section;
  }

  private void select(DesignField field) {
    canvas.setSelected(field);
    properties.show(field);
  }

  private void delete(DesignField field) {
    model.remove(field);
    properties.show(null);
    canvas.setSelected(null);
    changed();
  }

  /** After every edit: redraw the canvas, check formulas and rules, rebuild the preview. */
  private void changed() {
    canvas.refresh();
    FormDefinition definition = model.toDefinition();
    List<FieldError> found = new ArrayList<>();
    try {
      found.addAll(scripts.problems(definition));
    } catch (RuntimeException e) {
      found.add(new FieldError("", "check", e.getMessage()));
    }
    showProblems(found);
    preview.removeAll();
    try {
      preview.add(new FormRenderer(definition, renderContext, true));
    } catch (RuntimeException e) {
      preview.add(new Paragraph(getTranslation("designer.previewUnavailable") + " " + e.getMessage()));
    }
  }

  private void showProblems(List<FieldError> found) {
    problems.removeAll();
    problems.setVisible(!found.isEmpty());
    if (!found.isEmpty()) {
      problems.add(new Span(getTranslation("designer.problems", found.size())));
      for (FieldError error : found) {
        Paragraph line = new Paragraph((error.field().isEmpty() ? "" : error.field() + ": ") + error.message());
        line.addClassName("problem");
        problems.add(line);
      }
    }
  }

  private boolean save() {
    try {
      if (exists) {
        forms.saveDraft(app, model.key, FormDefinitionWriter.write(model.toDefinition()), actor);
      } else {
        forms.create(app, FormDefinitionWriter.write(model.toDefinition()), actor);
        exists = true;
        key.setReadOnly(true);
        created.accept(model.key);
      }
      showProblems(List.of());
      Notification.show(getTranslation("designer.saved"), 2500, Notification.Position.BOTTOM_CENTER);
      showVersion();
      return true;
    } catch (TangramException e) {
      showProblems(e.errors());
      return false;
    }
  }

  private void publish() {
    if (!save()) {
      return;
    }
    try {
      FormVersion published = forms.publish(app, model.key, actor);
      Notification done = Notification.show(getTranslation("designer.published", published.version()), 3000, Notification.Position.BOTTOM_CENTER);
      done.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
      showVersion();
    } catch (TangramException e) {
      showProblems(e.errors());
    }
  }

  private void showVersion() {
    if (!exists) {
      version.setText(getTranslation("designer.newForm"));
      return;
    }
    FormSummary summary = forms.list(app).stream().filter(f -> f.key().equals(model.key)).findFirst().orElse(null);
    version.setText(summary == null || summary.publishedVersion() == 0 ? getTranslation("form.unpublished")
        : getTranslation("designer.publishedVersion", summary.publishedVersion())
            + (summary.draftChanged() ? " · " + getTranslation("designer.draftChanged") : ""));
  }
}
