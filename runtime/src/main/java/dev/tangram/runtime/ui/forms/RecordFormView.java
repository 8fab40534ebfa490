package dev.tangram.runtime.ui.forms;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.tangram.designer.render.FormRenderer;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.common.TangramException;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.forms.FormVersion;
import dev.tangram.engine.records.Record;
import dev.tangram.engine.records.RecordService;
import dev.tangram.runtime.ui.shell.CurrentUser;
import dev.tangram.runtime.ui.tasks.FlowSubmit;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fills in a new record of a form's latest published version. The server checks everything again
 * on submit and its field errors are shown at the fields; "save draft" keeps unfinished input.
 * For a form with a flow, submit sends the record into approval (asking for the approvers the
 * flow leaves to the initiator) and "save draft" saves a draft record to submit later.
 */
@Route("apps/:app/forms/:form/new")
@PermitAll
public class RecordFormView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  private final FormService forms;
  private final RecordService records;
  private final RenderContexts contexts;
  private final FormDrafts drafts;
  private final CurrentUser user;
  private final FlowSubmit flowSubmit;
  private final Div errors = new Div();
  private String app = "";
  private String form = "";
  private String title = "";
  private FormRenderer renderer;

  public RecordFormView(FormService forms, RecordService records, RenderContexts contexts, FormDrafts drafts, CurrentUser user,
      FlowSubmit flowSubmit) {
    this.flowSubmit = flowSubmit;
    this.forms = forms;
    this.records = records;
    this.contexts = contexts;
    this.drafts = drafts;
    this.user = user;
    addClassName("page");
    errors.addClassName("form-errors");
    errors.setId("form-errors");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    app = event.getRouteParameters().get("app").orElse("");
    form = event.getRouteParameters().get("form").orElse("");
    removeAll();
    FormVersion version;
    try {
      version = forms.getLatestPublished(app, form);
    } catch (TangramException e) {
      add(new Paragraph(e.getMessage()));
      return;
    }
    title = version.definition().name();
    H2 heading = new H2(title);
    Span meta = new Span(getTranslation("form.version", version.version()));
    meta.addClassName("tile-meta");
    renderer = new FormRenderer(version.definition(), contexts.forApp(app, user.actor()), true);
    renderer.setId("record-form");
    Optional<ObjectNode> draft = drafts.find(user.username(), app, form);
    Div card = new Div(heading, meta);
    card.addClassName("form-sheet");
    if (draft.isPresent()) {
      renderer.setValue(draft.get());
      Span restored = new Span(getTranslation("record.draftRestored"));
      restored.addClassName("draft-note");
      restored.setId("draft-restored");
      card.add(restored);
    }
    errors.setVisible(false);
    card.add(errors, renderer, actions(draft.isPresent()));
    add(card);
  }

  private HorizontalLayout actions(boolean hasDraft) {
    boolean flow = flowSubmit.hasFlow(app, form);
    Button submit = new Button(getTranslation(flow ? "flow.submit" : "record.submit"), VaadinIcon.CHECK.create(), e -> submit(flow));
    submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    submit.setId("submit");
    Button saveDraft = new Button(getTranslation("record.saveDraft"), VaadinIcon.DOWNLOAD_ALT.create(), e -> {
      if (flow) {
        write(() -> flowSubmit.saveDraft(app, form, body(), user.actor()));
        return;
      }
      drafts.save(user.username(), app, form, renderer.value());
      Notification.show(getTranslation("record.draftSaved"), 3000, Notification.Position.BOTTOM_CENTER);
    });
    saveDraft.setId("save-draft");
    Button cancel = new Button(getTranslation("action.cancel"), e -> getUI().ifPresent(ui -> ui.navigate(listRoute())));
    cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    HorizontalLayout actions = new HorizontalLayout(submit, saveDraft);
    if (hasDraft) {
      Button discard = new Button(getTranslation("record.discardDraft"), e -> {
        drafts.discard(user.username(), app, form);
        getUI().ifPresent(ui -> ui.getPage().reload());
      });
      discard.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
      discard.setId("discard-draft");
      actions.add(discard);
    }
    actions.add(cancel);
    actions.addClassName("form-actions");
    return actions;
  }

  private ObjectNode body() {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.set("data", renderer.value());
    return body;
  }

  private void submit(boolean flow) {
    if (flow) {
      flowSubmit.chooseApprovers(app, form, chosen -> write(() -> flowSubmit.submit(app, form, body(), chosen, user.actor())));
    } else {
      write(() -> records.submit(app, form, body(), user.actor()));
    }
  }

  private void write(java.util.function.Supplier<Record> writer) {
    try {
      Record saved = writer.get();
      drafts.discard(user.username(), app, form);
      Notification done = Notification.show(getTranslation("record.saved"), 3000, Notification.Position.BOTTOM_CENTER);
      done.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
      getUI().ifPresent(ui -> ui.navigate(listRoute() + "/records/" + saved.id()));
    } catch (ValidationException e) {
      showErrors(renderer.showErrors(e.errors()));
    } catch (TangramException e) {
      showErrors(e.errors());
    }
  }

  private void showErrors(List<FieldError> unplaced) {
    errors.removeAll();
    errors.setVisible(true);
    errors.add(new Span(getTranslation("record.fixErrors")));
    unplaced.forEach(error -> errors.add(new Paragraph(error.message())));
  }

  private String listRoute() {
    return "apps/" + app + "/forms/" + form;
  }

  @Override
  public String getPageTitle() {
    return title + " · " + getTranslation("app.name");
  }
}
