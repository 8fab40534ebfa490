package dev.tangram.runtime.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import dev.tangram.engine.access.AccessPolicy;
import dev.tangram.engine.apps.App;
import dev.tangram.engine.apps.AppService;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.common.TangramException;
import dev.tangram.engine.events.EventTypes;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.forms.FormSummary;
import dev.tangram.engine.webhooks.Subscription;
import dev.tangram.engine.webhooks.WebhookService;
import dev.tangram.runtime.ui.shell.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * An app's outbound webhooks: subscriptions (events, optional form, URL; the signing secret shown
 * once), enable/disable, delete, and per subscription its delivery log ({@link DeliveryLog}).
 */
@Route("apps/:app/admin/webhooks")
@PermitAll
public class WebhooksView extends AppAdminPage {

  private final WebhookService webhooks;
  private final FormService forms;
  private final Grid<Subscription> grid = new Grid<>();
  private DeliveryLog log;
  private String app = "";

  public WebhooksView(AppService apps, AccessPolicy access, CurrentUser user, WebhookService webhooks, FormService forms) {
    super(apps, access, user);
    this.webhooks = webhooks;
    this.forms = forms;
    this.log = new DeliveryLog(webhooks, user);
  }

  @Override
  String titleKey() {
    return "admin.webhooks.title";
  }

  @Override
  void build(App app) {
    this.app = app.key();
    Button create = new Button(getTranslation("admin.webhooks.new"), VaadinIcon.PLUS.create(), e -> create());
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    create.setId("new-webhook");
    grid.removeAllColumns();
    grid.addColumn(Subscription::url).setHeader(getTranslation("admin.webhooks.url")).setFlexGrow(1);
    grid.addColumn(s -> s.form() == null ? getTranslation("admin.webhooks.allForms") : s.form())
        .setHeader(getTranslation("admin.webhooks.form")).setAutoWidth(true);
    grid.addColumn(s -> String.join(", ", s.events())).setHeader(getTranslation("admin.webhooks.events")).setAutoWidth(true);
    grid.addColumn(Subscription::owner).setHeader(getTranslation("admin.webhooks.owner")).setAutoWidth(true);
    grid.addComponentColumn(s -> {
      Checkbox enabled = new Checkbox(getTranslation("admin.webhooks.enabled"), s.enabled());
      enabled.setTooltipText(s.disabledReason());
      enabled.addValueChangeListener(e -> {
        if (e.isFromClient()) {
          update(s, "enabled", e.getValue());
        }
      });
      enabled.setId("webhook-enabled-" + s.id());
      return enabled;
    }).setHeader(getTranslation("admin.users.status")).setAutoWidth(true);
    grid.addComponentColumn(s -> {
      return AdminPages.deleteButton(getTranslation("action.delete"), () -> {
        webhooks.delete(s.id(), user.actor());
        log.show(null);
        refresh();
      });
    }).setAutoWidth(true).setFlexGrow(0);
    grid.addSelectionListener(e -> log.show(e.getFirstSelectedItem().orElse(null)));
    grid.setAllRowsVisible(true);
    grid.setId("webhooks");
    log = new DeliveryLog(webhooks, user);
    add(AdminPages.header(getTranslation("admin.webhooks.title") + " · " + app.name(), create), grid, log);
    refresh();
  }

  private void refresh() {
    grid.setItems(webhooks.list(user.actor()).stream().filter(s -> s.app().equals(app)).toList());
  }

  private void update(Subscription s, String member, boolean value) {
    ObjectNode body = Json.MAPPER.createObjectNode().put(member, value);
    try {
      webhooks.update(s.id(), body, user.actor());
    } catch (TangramException e) {
      AdminPages.refused(e);
    }
    refresh();
  }

  private void create() {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(getTranslation("admin.webhooks.new"));
    ComboBox<FormSummary> form = new ComboBox<>(getTranslation("admin.webhooks.form"));
    form.setItems(forms.list(app));
    form.setItemLabelGenerator(f -> f.name() + " (" + f.key() + ")");
    form.setPlaceholder(getTranslation("admin.webhooks.allForms"));
    form.setClearButtonVisible(true);
    form.setId("webhook-form");
    CheckboxGroup<String> events = new CheckboxGroup<>(getTranslation("admin.webhooks.events"));
    events.setItems(EventTypes.ALL);
    events.setValue(Set.of("record.created"));
    events.setId("webhook-events");
    TextField url = new TextField(getTranslation("admin.webhooks.url"));
    url.setPlaceholder("https://");
    url.setId("webhook-url");
    TextField description = new TextField(getTranslation("admin.webhooks.description"));
    description.setId("webhook-description");
    FieldErrors errors = new FieldErrors().bind("form", form).bind("events", events).bind("url", url).bind("description", description);
    FormLayout layout = new FormLayout(url, form, description, events);
    layout.setColspan(url, 2);
    layout.setColspan(events, 2);
    dialog.add(errors.box(), layout);
    Button save = new Button(getTranslation("action.create"), e -> {
      ObjectNode body = Json.MAPPER.createObjectNode().put("app", app).put("url", url.getValue().trim());
      if (form.getValue() != null) {
        body.put("form", form.getValue().key());
      }
      if (!description.getValue().isBlank()) {
        body.put("description", description.getValue().trim());
      }
      body.set("events", Json.MAPPER.valueToTree(EventTypes.ALL.stream().filter(events.getValue()::contains).toList()));
      try {
        Subscription.Created created = webhooks.create(body, user.actor());
        dialog.close();
        refresh();
        grid.select(created.subscription());
        SecretDialog.show(getTranslation("admin.webhooks.created"), getTranslation("admin.webhooks.secretOnce"),
            List.of(new SecretDialog.Secret(getTranslation("admin.webhooks.secret"), created.secret(), "webhook-secret")));
      } catch (TangramException ex) {
        errors.show(ex);
      }
    });
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.setId("webhook-save");
    dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
    dialog.setWidth("min(720px, 100vw)");
    dialog.open();
  }
}
