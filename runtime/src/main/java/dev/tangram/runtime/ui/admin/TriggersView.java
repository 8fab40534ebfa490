package dev.tangram.runtime.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import dev.tangram.engine.access.AccessPolicy;
import dev.tangram.engine.apps.App;
import dev.tangram.engine.apps.AppService;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.common.TangramException;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.forms.FormSummary;
import dev.tangram.engine.webhooks.Trigger;
import dev.tangram.engine.webhooks.TriggerService;
import dev.tangram.runtime.ui.shell.CurrentUser;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An app's inbound triggers: a URL that turns a signed (or bearer-authenticated) call into a record
 * of a form, with an optional mapping from the payload. URL, signing secret and bearer token are
 * shown once, at creation.
 */
@Route("apps/:app/admin/triggers")
@PermitAll
public class TriggersView extends AppAdminPage {

  private final TriggerService triggers;
  private final FormService forms;
  private final Grid<Trigger> grid = new Grid<>();
  private final Grid<Trigger.Call> calls = new Grid<>();
  private final H3 callsTitle = new H3();
  private String app = "";
  private String origin = "";

  public TriggersView(AppService apps, AccessPolicy access, CurrentUser user, TriggerService triggers, FormService forms) {
    super(apps, access, user);
    this.triggers = triggers;
    this.forms = forms;
  }

  @Override
  String titleKey() {
    return "admin.triggers.title";
  }

  @Override
  void build(App app) {
    this.app = app.key();
    origin = origin();
    Button create = new Button(getTranslation("admin.triggers.new"), VaadinIcon.PLUS.create(), e -> create());
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    create.setId("new-trigger");
    grid.removeAllColumns();
    grid.addColumn(Trigger::name).setHeader(getTranslation("admin.triggers.name")).setAutoWidth(true);
    grid.addColumn(Trigger::form).setHeader(getTranslation("admin.webhooks.form")).setAutoWidth(true);
    grid.addColumn(t -> origin + t.path()).setHeader(getTranslation("admin.triggers.url")).setFlexGrow(1);
    grid.addColumn(t -> t.mapping() == null ? "" : t.mapping().toString()).setHeader(getTranslation("admin.triggers.mapping")).setFlexGrow(1);
    grid.addColumn(Trigger::createdBy).setHeader(getTranslation("admin.webhooks.owner")).setAutoWidth(true);
    grid.addComponentColumn(t -> {
      return AdminPages.deleteButton(getTranslation("action.delete"), () -> {
        triggers.delete(this.app, t.id(), user.actor());
        refresh();
      });
    }).setAutoWidth(true).setFlexGrow(0);
    grid.setAllRowsVisible(true);
    grid.setId("triggers");
    grid.addSelectionListener(e -> showCalls(e.getFirstSelectedItem().orElse(null)));
    calls.removeAllColumns();
    calls.addColumn(c -> AdminPages.time(c.at())).setHeader(getTranslation("admin.deliveries.at")).setAutoWidth(true);
    calls.addColumn(Trigger.Call::status).setHeader(getTranslation("admin.deliveries.status")).setAutoWidth(true);
    calls.addColumn(c -> c.recordId() == null ? "" : c.recordId()).setHeader(getTranslation("admin.deliveries.record")).setAutoWidth(true);
    calls.addColumn(Trigger.Call::message).setHeader(getTranslation("admin.triggers.outcome")).setFlexGrow(1);
    calls.setAllRowsVisible(true);
    calls.setId("trigger-calls");
    callsTitle.setVisible(false);
    calls.setVisible(false);
    add(AdminPages.header(getTranslation("admin.triggers.title") + " · " + app.name(), create),
        new Paragraph(getTranslation("admin.triggers.hint")), grid, callsTitle, calls);
    refresh();
  }

  private void refresh() {
    grid.setItems(triggers.list(app, user.actor()));
  }

  private void showCalls(@Nullable Trigger trigger) {
    callsTitle.setVisible(trigger != null);
    calls.setVisible(trigger != null);
    if (trigger != null) {
      callsTitle.setText(getTranslation("admin.triggers.calls", trigger.name()));
      calls.setItems(triggers.calls(app, trigger.id(), user.actor()));
    }
  }

  private void create() {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(getTranslation("admin.triggers.new"));
    TextField name = new TextField(getTranslation("admin.triggers.name"));
    name.setId("trigger-name");
    ComboBox<FormSummary> form = new ComboBox<>(getTranslation("admin.webhooks.form"));
    form.setItems(forms.list(app).stream().filter(f -> f.publishedVersion() > 0).toList());
    form.setItemLabelGenerator(f -> f.name() + " (" + f.key() + ")");
    form.setId("trigger-form");
    TextArea mapping = new TextArea(getTranslation("admin.triggers.mapping"));
    mapping.setPlaceholder("{\"fields\": {\"name\": \"$.contact.company\"}}");
    mapping.setHelperText(getTranslation("admin.triggers.mappingHelp"));
    mapping.setId("trigger-mapping");
    FieldErrors errors = new FieldErrors().bind("name", name).bind("form", form).bind("mapping", mapping);
    FormLayout layout = new FormLayout(name, form, mapping);
    layout.setColspan(mapping, 2);
    dialog.add(errors.box(), layout);
    Button save = new Button(getTranslation("action.create"), e -> {
      ObjectNode body = Json.MAPPER.createObjectNode().put("name", name.getValue().trim()).put("action", Trigger.CREATE_RECORD);
      if (form.getValue() != null) {
        body.put("form", form.getValue().key());
      }
      if (!mapping.getValue().isBlank()) {
        try {
          JsonNode parsed = Json.MAPPER.readTree(mapping.getValue());
          body.set("mapping", parsed);
        } catch (JacksonException ex) {
          errors.show(List.of(new FieldError("mapping", "malformedJson", getTranslation("admin.triggers.badJson"))));
          return;
        }
      }
      try {
        Trigger.Created created = triggers.create(app, body, user.actor());
        dialog.close();
        refresh();
        SecretDialog.show(getTranslation("admin.triggers.created"), getTranslation("admin.triggers.secretOnce"), List.of(
            new SecretDialog.Secret(getTranslation("admin.triggers.url"), origin + created.trigger().path(), "trigger-url"),
            new SecretDialog.Secret(getTranslation("admin.webhooks.secret"), created.secret(), "trigger-secret"),
            new SecretDialog.Secret(getTranslation("admin.triggers.bearer"), created.bearerToken(), "trigger-bearer")));
      } catch (TangramException ex) {
        errors.show(ex);
      }
    });
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.setId("trigger-save");
    dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
    dialog.setWidth("min(720px, 100vw)");
    dialog.open();
  }

  /** scheme://host:port of the request that opened the page, so the shown URL can be copied as it is. */
  private static String origin() {
    VaadinServletRequest request = VaadinServletRequest.getCurrent();
    if (request == null) {
      return "";
    }
    HttpServletRequest http = request.getHttpServletRequest();
    return http.getScheme() + "://" + http.getServerName() + ":" + http.getServerPort() + http.getContextPath();
  }
}
