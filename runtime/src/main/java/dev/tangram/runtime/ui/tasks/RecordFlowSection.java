package dev.tangram.runtime.ui.tasks;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import dev.tangram.engine.access.Actor;
import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.engine.common.TangramException;
import dev.tangram.engine.flows.FlowStatus;
import dev.tangram.engine.flows.Flows;
import dev.tangram.engine.records.Record;
import java.util.List;
import java.util.Map;

/**
 * The flow part of a record page, for forms with a flow: "submit for approval" for the
 * initiator's draft, withdrawn or rejected record (asking for the approvers the flow leaves to
 * them), "withdraw" while it is in approval, and the flow timeline.
 */
public final class RecordFlowSection extends Composite<Div> {

  private final Flows flows;
  private final OrgDirectory directory;
  private final Record record;
  private final Actor actor;
  private final FlowOutline outline;

  public RecordFlowSection(Flows flows, OrgDirectory directory, Record record, Actor actor) {
    this.flows = flows;
    this.directory = directory;
    this.record = record;
    this.actor = actor;
    this.outline = FlowOutline.of(flows.definitions().find(record.app(), record.form()));
    getContent().addClassName("record-flow");
    boolean initiator = record.createdBy().equals(actor.username());
    HorizontalLayout actions = new HorizontalLayout();
    actions.addClassName("form-actions");
    if (initiator && FlowStatus.SENDABLE.contains(record.status())) {
      Button submit = new Button(getTranslation("flow.submit"), VaadinIcon.PAPERPLANE.create(), e -> submit());
      submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      submit.setId("submit-approval");
      actions.add(submit);
    }
    if (initiator && FlowStatus.IN_APPROVAL.equals(record.status())) {
      Button withdraw = new Button(getTranslation("flow.withdraw"), VaadinIcon.REPLY.create(), e -> withdraw());
      withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR);
      withdraw.setId("withdraw");
      actions.add(withdraw);
    }
    if (actions.getComponentCount() > 0) {
      getContent().add(actions);
    }
    if (FlowStatus.IN_APPROVAL.equals(record.status())) {
      waitingAt().ifPresent(getContent()::add);
    }
    try {
      getContent().add(new FlowTimeline(flows.queries().timeline(record.app(), record.form(), record.id(), actor), outline, directory));
    } catch (TangramException e) {
      getContent().add(new Div(FlowErrors.describe(e, this)));
    }
  }

  /** "Waiting at: Manager" while the instance stands at approve nodes. */
  private java.util.Optional<Span> waitingAt() {
    try {
      List<String> active = flows.queries().diagram(record.app(), record.form(), record.id(), actor).activeNodes();
      if (active.isEmpty()) {
        return java.util.Optional.empty();
      }
      Span waiting = new Span(getTranslation("flow.waitingAt", String.join(", ", active.stream().map(outline::nameOf).toList())));
      waiting.addClassName("flow-waiting");
      waiting.setId("flow-waiting");
      return java.util.Optional.of(waiting);
    } catch (TangramException e) {
      return java.util.Optional.empty(); // the instance is still being started
    }
  }

  private void submit() {
    if (outline.initiatorChoice().isEmpty()) {
      send(Map.of());
    } else {
      new ApproverChooser(outline, directory, this::send).open();
    }
  }

  private void send(Map<String, List<String>> chosen) {
    try {
      flows.instances().send(record.app(), record.form(), record.id(), chosen, record.version(), actor);
      reload();
    } catch (TangramException e) {
      FlowErrors.show(e, this);
    }
  }

  private void withdraw() {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(getTranslation("flow.withdraw.title"));
    TextArea comment = new TextArea(getTranslation("flow.comment"));
    comment.setId("withdraw-comment");
    comment.setWidthFull();
    dialog.add(comment);
    Button ok = new Button(getTranslation("flow.withdraw"), e -> {
      dialog.close();
      try {
        flows.instances().withdraw(record.app(), record.form(), record.id(), comment.getValue().isBlank() ? null : comment.getValue(), actor);
        reload();
      } catch (TangramException ex) {
        FlowErrors.show(ex, this);
      }
    });
    ok.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
    ok.setId("withdraw-ok");
    dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), ok);
    dialog.open();
  }

  private void reload() {
    getUI().ifPresent(ui -> ui.getPage().reload());
  }
}
