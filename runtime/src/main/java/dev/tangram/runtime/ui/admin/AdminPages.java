package dev.tangram.runtime.ui.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.tangram.engine.common.TangramException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** Pieces every admin page shares: the title row with its buttons, row delete buttons, notices, times. */
final class AdminPages {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  private AdminPages() {}

  static HorizontalLayout header(String title, Component... actions) {
    H2 heading = new H2(title);
    heading.addClassName("page-title");
    HorizontalLayout header = new HorizontalLayout(heading);
    header.add(actions);
    header.setWidthFull();
    header.setAlignItems(FlexComponent.Alignment.CENTER);
    header.expand(heading);
    header.addClassName("page-header");
    return header;
  }

  static void done(String message) {
    Notification n = Notification.show(message, 3000, Notification.Position.BOTTOM_START);
    n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
  }

  /** An engine refusal that concerns no input of the page (e.g. a role still in use). */
  static void refused(TangramException e) {
    Notification n = Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE);
    n.addThemeVariants(NotificationVariant.LUMO_ERROR);
  }

  /** The trash button of a grid row: {@code action} runs on click; an engine refusal is shown, not thrown. */
  static Button deleteButton(String label, Runnable action) {
    Button delete = new Button(VaadinIcon.TRASH.create(), e -> {
      try {
        action.run();
      } catch (TangramException ex) {
        refused(ex);
      }
    });
    delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
    delete.setAriaLabel(label);
    return delete;
  }

  static String time(@Nullable Instant at) {
    return at == null ? "" : TIME.format(at);
  }
}
