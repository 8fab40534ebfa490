package dev.tangram.runtime.ui.tasks;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.tangram.engine.access.DirectoryUser;
import dev.tangram.engine.access.OrgDirectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Asks the initiator for the approvers of the flow's "initiator's choice" nodes before a submit;
 * every such node needs at least one. The engine checks the names again.
 */
final class ApproverChooser extends Dialog {

  ApproverChooser(FlowOutline outline, OrgDirectory directory, Consumer<Map<String, List<String>>> chosen) {
    setHeaderTitle(getTranslation("flow.choose.title"));
    setId("approver-chooser");
    VerticalLayout body = new VerticalLayout(new Paragraph(getTranslation("flow.choose.text")));
    body.setPadding(false);
    List<DirectoryUser> users = directory.users().stream().filter(DirectoryUser::enabled).toList();
    Map<String, MultiSelectComboBox<String>> pickers = new LinkedHashMap<>();
    for (String node : outline.initiatorChoice()) {
      MultiSelectComboBox<String> picker = new MultiSelectComboBox<>(outline.nameOf(node));
      picker.setItems(users.stream().map(DirectoryUser::username).toList());
      picker.setItemLabelGenerator(u -> FlowTimeline.displayName(u, directory) + " (" + u + ")");
      picker.setId("choose-" + node);
      picker.setWidthFull();
      pickers.put(node, picker);
      body.add(picker);
    }
    add(body);
    Button ok = new Button(getTranslation("flow.submit"), e -> {
      Map<String, List<String>> result = new LinkedHashMap<>();
      boolean complete = true;
      for (var entry : pickers.entrySet()) {
        boolean empty = entry.getValue().getValue().isEmpty();
        entry.getValue().setInvalid(empty);
        entry.getValue().setErrorMessage(empty ? getTranslation("flow.choose.required") : null);
        complete &= !empty;
        result.put(entry.getKey(), new ArrayList<>(entry.getValue().getValue()));
      }
      if (complete) {
        close();
        chosen.accept(result);
      }
    });
    ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    ok.setId("choose-ok");
    Button cancel = new Button(getTranslation("action.cancel"), e -> close());
    getFooter().add(cancel, ok);
  }
}
