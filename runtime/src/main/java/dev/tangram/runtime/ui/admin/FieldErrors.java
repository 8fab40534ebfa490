package dev.tangram.runtime.ui.admin;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.TangramException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Shows the engine's field errors at the inputs they name ({@code grants[0].to} lands at the input
 * registered as {@code grants[0].to}, else at {@code grants}); errors no input claims are listed in
 * a box above the form. One instance per dialog or form.
 */
final class FieldErrors {

  private final Map<String, HasValidation> inputs = new LinkedHashMap<>();
  private final Div box = new Div();

  FieldErrors() {
    box.addClassName("form-errors");
    box.setId("form-errors");
    box.setVisible(false);
  }

  FieldErrors bind(String field, HasValidation input) {
    inputs.put(field, input);
    return this;
  }

  /** The box for errors that concern no input; put it above the inputs. */
  Div box() {
    return box;
  }

  void clear() {
    inputs.values().forEach(i -> {
      i.setInvalid(false);
      i.setErrorMessage(null);
    });
    box.removeAll();
    box.setVisible(false);
  }

  void show(TangramException e) {
    show(e.errors());
  }

  void show(List<FieldError> errors) {
    clear();
    Map<HasValidation, String> messages = new LinkedHashMap<>();
    for (FieldError error : errors) {
      HasValidation input = inputFor(error.field());
      if (input == null) {
        box.add(new Paragraph(error.message()));
        box.setVisible(true);
      } else {
        messages.merge(input, error.message(), (a, b) -> a + " " + b);
      }
    }
    messages.forEach((input, message) -> {
      input.setErrorMessage(message);
      input.setInvalid(true);
    });
  }

  private @Nullable HasValidation inputFor(String field) {
    String path = field;
    while (!path.isEmpty()) {
      HasValidation input = inputs.get(path);
      if (input != null) {
        return input;
      }
      int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
      path = cut < 0 ? "" : path.substring(0, cut);
    }
    return null;
  }
}
