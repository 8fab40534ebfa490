package dev.tangram.designer.render;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.textfield.TextField;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.forms.FieldDefinition;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code serial}: the server numbers a record when it is saved. Before that the field shows the
 * number the pattern would give next, marked as a preview; afterwards the record's own number.
 */
final class SerialEditor implements FieldEditor {

  private final TextField input = new TextField();
  private @Nullable String assigned;

  SerialEditor(FieldDefinition field, RenderContext context) {
    input.setReadOnly(true);
    input.addClassName("serial-field");
    String preview = field.pattern() == null ? "" : context.serialPreview(field.pattern());
    input.setValue(preview);
    input.setHelperText(input.getTranslation("render.serial.preview"));
  }

  @Override
  public Component component() {
    return input;
  }

  @Override
  public @Nullable JsonNode value() {
    return assigned == null ? null : Json.MAPPER.getNodeFactory().stringNode(assigned);
  }

  @Override
  public void setValue(@Nullable JsonNode value) {
    if (value != null && value.isString()) {
      assigned = value.asString();
      input.setValue(assigned);
      input.setHelperText(null);
    }
  }

  @Override
  public void onChange(Runnable listener) {
    // never changed by the user
  }

  @Override
  public void setReadOnly(boolean readOnly) {
    // always read-only
  }

  @Override
  public void showError(String path, String message) {
    input.setErrorMessage(message);
    input.setInvalid(true);
  }

  @Override
  public void clearErrors() {
    input.setInvalid(false);
  }
}
