package dev.tangram.designer.render;

import com.vaadin.flow.component.Component;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The input of one field: shows a JSON value as the API stores it and gives it back. One
 * implementation per kind of input, picked by {@link FieldEditors} from the field's type.
 */
public interface FieldEditor {

  Component component();

  /** The value as the record's JSON, or null when empty. */
  @Nullable JsonNode value();

  void setValue(@Nullable JsonNode value);

  /** Runs {@code listener} on every change the user makes. */
  void onChange(Runnable listener);

  void setReadOnly(boolean readOnly);

  /** Shows a server error at the field; {@code path} is what follows the field key (e.g. {@code [0].qty}), empty for the field itself. */
  void showError(String path, String message);

  void clearErrors();
}
