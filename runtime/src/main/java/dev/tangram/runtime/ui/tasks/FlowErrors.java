package dev.tangram.runtime.ui.tasks;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.tangram.engine.common.ConflictException;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.ForbiddenException;
import dev.tangram.engine.common.NotFoundException;
import dev.tangram.engine.common.TangramException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Engine refusals of flow actions said the way a business user can act on them: "someone else
 * already decided this task — reload" rather than a 409. Codes the bundles know get their
 * translated text; anything else shows the engine's own message, which names the object.
 */
final class FlowErrors {

  private FlowErrors() {}

  static String describe(TangramException e, Component in) {
    List<FieldError> errors = e.errors();
    String known = errors.stream().map(error -> in.getTranslation("flow.error." + error.code()))
        .filter(text -> !text.startsWith("!")).findFirst().orElse(null);
    if (known != null) {
      return known;
    }
    String prefix = e instanceof ForbiddenException ? in.getTranslation("flow.error.forbidden") + " "
        : e instanceof NotFoundException ? in.getTranslation("flow.error.notFound") + " "
        : e instanceof ConflictException ? in.getTranslation("flow.error.conflict") + " " : "";
    return prefix + errors.stream().map(FieldError::message).collect(Collectors.joining("; "));
  }

  /** Shows the refusal as a notification that stays until closed (it usually asks for a reload). */
  static void show(TangramException e, Component in) {
    Notification note = new Notification(describe(e, in), 8000, Notification.Position.MIDDLE);
    note.addThemeVariants(NotificationVariant.LUMO_ERROR);
    note.setId("flow-error");
    note.open();
  }
}
