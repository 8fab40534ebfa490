package dev.tangram.designer.render;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.forms.FieldDefinition;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.records.FormCalculator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a form definition as inputs, the same way for the end user and for the designer's live
 * preview. As the user types, the server's {@link FormCalculator} fills formula fields and applies
 * visibility rules; {@link #showErrors} puts the server's field errors at their fields (rows of
 * subforms included) and returns those that belong to no field.
 */
public final class FormRenderer extends Composite<Div> {

  private final FormDefinition form;
  private final RenderContext context;
  private final Map<String, FieldEditor> editors = new LinkedHashMap<>();
  private final List<Runnable> listeners = new ArrayList<>();
  private final Span status = new Span();
  private boolean newRecord;

  /** @param newRecord fills defaults (literal and {@code default} rules) into the empty inputs */
  public FormRenderer(FormDefinition form, RenderContext context, boolean newRecord) {
    this.form = form;
    this.context = context;
    this.newRecord = newRecord;
    FormLayout layout = new FormLayout();
    layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("640px", 2));
    layout.addClassName("rendered-form");
    for (FieldDefinition field : form.fields()) {
      FieldEditor editor = FieldEditors.create(field, context);
      if (newRecord && field.defaultValue() != null && !field.isComputed()) {
        editor.setValue(field.defaultValue());
      }
      editor.onChange(this::changed);
      editors.put(field.key(), editor);
      layout.add(editor.component());
      if (wide(field)) {
        layout.setColspan(editor.component(), 2);
      }
    }
    status.addClassName("form-status");
    getContent().add(layout, status);
    getContent().addClassName("form-renderer");
    recalculate();
    this.newRecord = false;
  }

  private static boolean wide(FieldDefinition field) {
    return Set.of("subform", "textarea", "attachment", "image").contains(field.type());
  }

  private void changed() {
    recalculate();
    listeners.forEach(Runnable::run);
  }

  /** Runs {@code listener} after every change the user makes (after the live calculation). */
  public void addChangeListener(Runnable listener) {
    listeners.add(listener);
  }

  /** The data the user entered, as the record's {@code data} object (computed fields left out). */
  public ObjectNode value() {
    ObjectNode data = Json.MAPPER.createObjectNode();
    for (FieldDefinition field : form.fields()) {
      JsonNode value = editors.get(field.key()).value();
      if (value != null && !field.isComputed()) {
        data.set(field.key(), value);
      }
    }
    return data;
  }

  /** Shows a record's data (e.g. a draft or a saved record), computed fields included. */
  public void setValue(ObjectNode data) {
    form.fields().forEach(f -> editors.get(f.key()).setValue(data.get(f.key())));
    recalculate();
  }

  public void setReadOnly(boolean readOnly) {
    form.fields().forEach(f -> editors.get(f.key()).setReadOnly(readOnly || f.isComputed()));
  }

  /** Lets the user change only the fields in {@code editable} (e.g. those a flow node grants {@code edit}). */
  public void setEditable(Set<String> editable) {
    form.fields().forEach(f -> editors.get(f.key()).setReadOnly(!editable.contains(f.key()) || f.isComputed()));
  }

  /** Marks the fields of {@code errors}; returns the errors that belong to no field of this form. */
  public List<FieldError> showErrors(List<FieldError> errors) {
    clearErrors();
    List<FieldError> unplaced = new ArrayList<>();
    for (FieldError error : errors) {
      String key = error.field().split("[.\\[]", 2)[0];
      FieldEditor editor = editors.get(key);
      if (editor == null) {
        unplaced.add(error);
      } else {
        editor.showError(error.field().substring(key.length()), error.message());
      }
    }
    return unplaced;
  }

  public void clearErrors() {
    editors.values().forEach(FieldEditor::clearErrors);
  }

  /** Asks the server for formulas and visibility of what is entered now and shows the result. */
  private void recalculate() {
    FormCalculator calculator = context.calculator();
    ObjectNode entered = value();
    FormCalculator.Result result = newRecord ? calculator.calculateNew(form, entered) : calculator.calculate(form, entered);
    for (FieldDefinition field : form.fields()) {
      FieldEditor editor = editors.get(field.key());
      JsonNode computed = result.result().get(field.key());
      if (field.formula() != null) {
        editor.setValue(computed);
      } else if (editor instanceof SubformEditor subform) {
        subform.applyComputed(computed);
      } else if (newRecord && computed != null && !entered.has(field.key()) && !field.isComputed()) {
        editor.setValue(computed); // a default rule's value
      }
      editor.component().setVisible(!result.hidden().contains(field.key()));
    }
    status.setText(result.problem() == null ? "" : result.problem());
  }
}
