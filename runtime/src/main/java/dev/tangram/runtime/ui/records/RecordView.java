package dev.tangram.runtime.ui.records;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.tangram.designer.render.FormRenderer;
import dev.tangram.engine.common.ConflictException;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.TangramException;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.engine.flows.Flows;
import dev.tangram.engine.forms.FieldDefinition;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.records.Record;
import dev.tangram.engine.records.RecordChange;
import dev.tangram.engine.records.RecordService;
import dev.tangram.runtime.ui.forms.RenderContexts;
import dev.tangram.runtime.ui.shell.CurrentUser;
import dev.tangram.runtime.ui.tasks.RecordFlowSection;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * One record: its data rendered with the form version it was written with, edit (optimistic lock:
 * a change made meanwhile by someone else is refused, not overwritten), delete, its flow (submit
 * for approval, withdraw, timeline) and its history.
 */
@Route("apps/:app/forms/:form/records/:id")
@PermitAll
public class RecordView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  private final FormService forms;
  private final RecordService records;
  private final RenderContexts contexts;
  private final CurrentUser user;
  private final Flows flows;
  private final OrgDirectory directory;
  private final Div errors = new Div();
  private String app = "";
  private String form = "";
  private String title = "";

  public RecordView(FormService forms, RecordService records, RenderContexts contexts, CurrentUser user, Flows flows,
      OrgDirectory directory) {
    this.flows = flows;
    this.directory = directory;
    this.forms = forms;
    this.records = records;
    this.contexts = contexts;
    this.user = user;
    addClassName("page");
    errors.addClassName("form-errors");
    errors.setId("form-errors");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    app = event.getRouteParameters().get("app").orElse("");
    form = event.getRouteParameters().get("form").orElse("");
    String id = event.getRouteParameters().get("id").orElse("");
    removeAll();
    try {
      show(records.get(app, form, id, user.actor()));
    } catch (TangramException e) {
      add(new Paragraph(e.getMessage()));
    }
  }

  private void show(Record record) {
    FormDefinition definition = forms.getVersion(app, form, record.formVersion()).definition();
    title = definition.name();
    FormRenderer renderer = new FormRenderer(definition, contexts.forApp(app, user.actor()), false);
    renderer.setReadOnly(true);
    renderer.setValue(record.data());
    renderer.setId("record-data");
    Span meta = new Span(getTranslation("record.meta", record.createdBy(), RecordListView.TIME.format(record.createdAt()),
        record.version(), getTranslation("record.status." + record.status())));
    meta.addClassName("tile-meta");
    meta.setId("record-meta");
    Button edit = new Button(getTranslation("record.edit"), VaadinIcon.EDIT.create());
    edit.setId("edit-record");
    Button save = new Button(getTranslation("action.save"), VaadinIcon.CHECK.create());
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.setVisible(false);
    save.setId("save-record");
    edit.addClickListener(e -> {
      renderer.setReadOnly(false);
      renderer.setValue(record.data());
      edit.setVisible(false);
      save.setVisible(true);
    });
    save.addClickListener(e -> save(record, renderer));
    Button delete = new Button(getTranslation("action.delete"), VaadinIcon.TRASH.create(), e -> confirmDelete(record));
    delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
    Button back = new Button(getTranslation("record.back"), VaadinIcon.ARROW_LEFT.create(),
        e -> getUI().ifPresent(ui -> ui.navigate("apps/" + app + "/forms/" + form)));
    back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    errors.setVisible(false);
    Div sheet = new Div(new H2(definition.name()), meta, errors, renderer, new HorizontalLayout(edit, save, delete, back));
    sheet.addClassName("form-sheet");
    add(sheet);
    if (!RecordService.ACTIVE.equals(record.status()) || flows.definitions().hasFlow(app, form)) {
      add(new RecordFlowSection(flows, directory, record, user.actor()));
    }
    add(history(definition, record));
  }

  private void save(Record record, FormRenderer renderer) {
    ObjectNode patch = renderer.value();
    record.data().properties().forEach(e -> {
      if (!patch.has(e.getKey())) {
        patch.putNull(e.getKey()); // cleared in the form: removed from the record
      }
    });
    forms.getVersion(app, form, record.formVersion()).definition().fields().stream().filter(FieldDefinition::isComputed)
        .forEach(f -> patch.remove(f.key()));
    ObjectNode body = dev.tangram.engine.common.Json.MAPPER.createObjectNode();
    body.set("data", patch);
    try {
      records.patch(app, form, record.id(), body, record.version(), user.actor());
      Notification.show(getTranslation("record.saved"), 3000, Notification.Position.BOTTOM_CENTER);
      getUI().ifPresent(ui -> ui.getPage().reload());
    } catch (ValidationException e) {
      showUnplaced(renderer.showErrors(e.errors()));
    } catch (ConflictException e) {
      showUnplaced(List.of(new FieldError("version", "conflict", getTranslation("record.conflict"))));
    } catch (TangramException e) {
      showUnplaced(e.errors());
    }
  }

  private void showUnplaced(List<FieldError> unplaced) {
    errors.removeAll();
    errors.setVisible(true);
    errors.add(new Span(getTranslation("record.fixErrors")));
    unplaced.forEach(error -> errors.add(new Paragraph(error.message())));
  }

  private void confirmDelete(Record record) {
    ConfirmDialog confirm = new ConfirmDialog(getTranslation("record.delete.title"), getTranslation("record.delete.text"),
        getTranslation("action.delete"), e -> {
          try {
            records.delete(app, form, record.id(), record.version(), user.actor());
            getUI().ifPresent(ui -> ui.navigate("apps/" + app + "/forms/" + form));
          } catch (TangramException ex) {
            Notification.show(ex.getMessage(), 5000, Notification.Position.MIDDLE);
          }
        });
    confirm.setCancelable(true);
    confirm.setCancelText(getTranslation("action.cancel"));
    confirm.setConfirmButtonTheme("error primary");
    confirm.open();
  }

  private Div history(FormDefinition definition, Record record) {
    Div box = new Div(new H3(getTranslation("record.history")));
    box.addClassName("history");
    box.setId("record-history");
    List<RecordChange> changes;
    try {
      changes = records.history(app, form, record.id(), user.actor());
    } catch (TangramException e) {
      box.add(new Paragraph(e.getMessage()));
      return box;
    }
    for (RecordChange change : changes) {
      Div entry = new Div();
      entry.addClassName("history-entry");
      Span head = new Span(RecordListView.TIME.format(change.at()) + " · " + change.actor() + " · "
          + getTranslation("record.action." + change.action()) + " · v" + change.version());
      head.addClassName("history-head");
      entry.add(head);
      for (RecordChange.FieldChange field : change.changes()) {
        FieldDefinition def = definition.findField(field.field()).orElse(null);
        Span line = new Span((def == null ? field.field() : def.displayName()) + ": "
            + CellText.of(def, field.before()) + " → " + CellText.of(def, field.after()));
        line.addClassName("history-line");
        entry.add(line);
      }
      box.add(entry);
    }
    if (changes.isEmpty()) {
      box.add(new Paragraph(getTranslation("record.noHistory")));
    }
    return box;
  }

  @Override
  public String getPageTitle() {
    return title + " · " + getTranslation("app.name");
  }
}
