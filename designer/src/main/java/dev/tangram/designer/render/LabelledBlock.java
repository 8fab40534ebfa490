package dev.tangram.designer.render;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.jspecify.annotations.Nullable;

/** A block editor's frame (subform, files): label, help, content and an error line, styled like Vaadin's own fields. */
final class LabelledBlock extends Div {

  private final Span error = new Span();

  LabelledBlock(String label, @Nullable String help, boolean required, Component content) {
    addClassName("block-field");
    Span title = new Span(label);
    title.addClassName("block-label");
    if (required) {
      title.addClassName("required");
    }
    add(title);
    if (help != null) {
      Span helper = new Span(help);
      helper.addClassName("block-help");
      add(helper);
    }
    add(content);
    error.addClassName("block-error");
    error.setVisible(false);
    add(error);
  }

  void showError(String message) {
    error.setText(message);
    error.setVisible(true);
    addClassName("invalid");
  }

  void clearError() {
    error.setVisible(false);
    removeClassName("invalid");
  }
}
