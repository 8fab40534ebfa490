package dev.tangram.designer.render;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A field editor around one Vaadin input, with the conversion between its value and JSON. */
final class ValueEditor<V> implements FieldEditor {

  private final Component component;
  private final HasValue<?, V> input;
  private final Function<V, @Nullable JsonNode> toJson;
  private final Function<JsonNode, V> fromJson;

  @SuppressWarnings("unchecked")
  <C extends Component & HasValue<?, V>> ValueEditor(C input, Function<V, @Nullable JsonNode> toJson, Function<JsonNode, V> fromJson) {
    this.component = input;
    this.input = (HasValue<?, V>) input;
    this.toJson = toJson;
    this.fromJson = fromJson;
  }

  @Override
  public Component component() {
    return component;
  }

  @Override
  public @Nullable JsonNode value() {
    V value = input.getValue();
    return input.isEmpty() || value == null ? null : toJson.apply(value);
  }

  @Override
  public void setValue(@Nullable JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      input.clear();
    } else {
      input.setValue(fromJson.apply(value));
    }
  }

  @Override
  public void onChange(Runnable listener) {
    input.addValueChangeListener(e -> {
      if (e.isFromClient()) {
        listener.run();
      }
    });
  }

  @Override
  public void setReadOnly(boolean readOnly) {
    input.setReadOnly(readOnly);
  }

  @Override
  public void showError(String path, String message) {
    if (component instanceof HasValidation validation) {
      validation.setErrorMessage(message);
      validation.setInvalid(true);
    }
  }

  @Override
  public void clearErrors() {
    if (component instanceof HasValidation validation) {
      validation.setInvalid(false);
      validation.setErrorMessage(null);
    }
  }
}
