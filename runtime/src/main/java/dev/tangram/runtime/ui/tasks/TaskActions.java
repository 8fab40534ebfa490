package dev.tangram.runtime.ui.tasks;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import dev.tangram.engine.access.DirectoryUser;
import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.engine.flows.TaskRequest;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The buttons of the actions the engine allows on a task, each asking for what it needs in a
 * small dialog (comment; the user of a transfer or add-sign; where a return goes) and handing the
 * finished {@link TaskRequest} to {@code act}. Approve carries the fields the node lets the
 * approver edit and the record version they saw.
 */
final class TaskActions extends Composite<FlexLayout> {

  private static final List<String> ORDER = List.of("approve", "reject", "return", "transfer", "delegate", "addSign", "comment", "urge");

  private final OrgDirectory directory;
  private final BiConsumer<String, TaskRequest> act;
  private final Map<String, String> returnTargets;

  /**
   * @param allowed       the actions the engine allows the viewer now
   * @param returnTargets where a return may go, id → name ({@code initiator} first)
   * @param edits         the approver's changes to the fields they may edit, null when none
   */
  TaskActions(List<String> allowed, Map<String, String> returnTargets, OrgDirectory directory, Supplier<@Nullable ObjectNode> edits,
      long recordVersion, BiConsumer<String, TaskRequest> act) {
    this.directory = directory;
    this.act = act;
    this.returnTargets = returnTargets;
    getContent().addClassName("task-actions");
    getContent().setId("task-actions");
    for (String action : ORDER) {
      if (!allowed.contains(action)) {
        continue;
      }
      Button button = new Button(getTranslation("task.action." + action), e -> open(action, edits, recordVersion));
      button.setId("action-" + action);
      switch (action) {
        case "approve" -> {
          button.setIcon(VaadinIcon.CHECK.create());
          button.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        }
        case "reject" -> {
          button.setIcon(VaadinIcon.CLOSE.create());
          button.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        }
        default -> { } // the secondary actions: plain buttons
      }
      getContent().add(button);
    }
  }

  private void open(String action, Supplier<@Nullable ObjectNode> edits, long recordVersion) {
    Dialog dialog = new Dialog();
    dialog.setId("action-dialog");
    dialog.setHeaderTitle(getTranslation("task.action." + action));
    VerticalLayout body = new VerticalLayout();
    body.setPadding(false);
    String hint = getTranslation("task.hint." + action);
    if (!hint.startsWith("!")) {
      body.add(new Paragraph(hint));
    }
    ComboBox<String> user = new ComboBox<>(getTranslation("task.to"));
    RadioButtonGroup<String> position = new RadioButtonGroup<>(getTranslation("task.position"));
    RadioButtonGroup<String> target = new RadioButtonGroup<>(getTranslation("task.returnTo"));
    if (List.of("transfer", "delegate", "addSign").contains(action)) {
      user.setItems(directory.users().stream().filter(DirectoryUser::enabled).map(DirectoryUser::username).toList());
      user.setItemLabelGenerator(u -> FlowTimeline.displayName(u, directory) + " (" + u + ")");
      user.setId("action-to");
      user.setWidthFull();
      body.add(user);
    }
    if ("addSign".equals(action)) {
      position.setItems("before", "after", "parallel");
      position.setItemLabelGenerator(p -> getTranslation("task.position." + p));
      position.setValue("before");
      position.setId("action-position");
      body.add(position);
    }
    if ("return".equals(action)) {
      target.setItems(List.copyOf(returnTargets.keySet()));
      target.setItemLabelGenerator(returnTargets::get);
      returnTargets.keySet().stream().findFirst().ifPresent(target::setValue);
      target.setId("action-target");
      body.add(target);
    }
    TextArea comment = new TextArea(getTranslation("flow.comment"));
    comment.setId("action-comment");
    comment.setWidthFull();
    if ("comment".equals(action)) {
      comment.setRequired(true);
    }
    body.add(comment);
    dialog.add(body);
    Button ok = new Button(getTranslation("task.action." + action), e -> {
      if ("comment".equals(action) && comment.getValue().isBlank()) {
        comment.setInvalid(true);
        comment.setErrorMessage(getTranslation("task.commentRequired"));
        return;
      }
      if (user.isVisible() && body.getChildren().anyMatch(c -> c == user) && user.getValue() == null) {
        user.setInvalid(true);
        user.setErrorMessage(getTranslation("task.userRequired"));
        return;
      }
      dialog.close();
      String text = comment.getValue().isBlank() ? null : comment.getValue();
      ObjectNode data = "approve".equals(action) ? edits.get() : null;
      act.accept(action, new TaskRequest(text, data, "approve".equals(action) ? recordVersion : null, user.getValue(),
          target.getValue(), position.getValue(), List.of()));
    });
    ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY, "reject".equals(action) ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_PRIMARY);
    ok.setId("action-ok");
    dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), ok);
    dialog.open();
  }
}
