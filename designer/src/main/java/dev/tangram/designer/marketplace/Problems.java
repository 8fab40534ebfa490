package dev.tangram.designer.marketplace;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import dev.tangram.engine.common.FieldError;
import java.util.List;

/** A box listing problems the engine reported (file or field, and message); hidden when there are none. */
final class Problems extends Div {

  Problems() {
    addClassName("form-errors");
    addClassName("problems");
    setVisible(false);
  }

  void show(List<FieldError> errors) {
    removeAll();
    errors.forEach(e -> add(new Paragraph(e.field().isEmpty() ? e.message() : e.field() + ": " + e.message())));
    setVisible(!errors.isEmpty());
  }
}
