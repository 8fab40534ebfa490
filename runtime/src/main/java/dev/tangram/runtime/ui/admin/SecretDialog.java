package dev.tangram.runtime.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;

/** Shows secrets that exist nowhere else (a token, a signing secret) once, ready to copy. */
final class SecretDialog {

  record Secret(String label, String value, String id) {}

  private SecretDialog() {}

  static void show(String title, String warning, List<Secret> secrets) {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(title);
    Paragraph note = new Paragraph(warning);
    note.addClassName("secret-warning");
    VerticalLayout body = new VerticalLayout(note);
    body.setPadding(false);
    for (Secret secret : secrets) {
      TextField field = new TextField(secret.label());
      field.setValue(secret.value());
      field.setReadOnly(true);
      field.setWidthFull();
      field.setId(secret.id());
      field.setAutoselect(true);
      body.add(field);
    }
    dialog.add(body);
    Button close = new Button(dialog.getTranslation("action.close"), e -> dialog.close());
    close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    close.setId("secret-close");
    dialog.getFooter().add(close);
    dialog.setWidth("min(640px, 100vw)");
    dialog.setCloseOnOutsideClick(false);
    dialog.open();
  }
}
