package dev.tangram.runtime.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import dev.tangram.engine.access.AccessPolicy;
import dev.tangram.engine.access.AccessSettings;
import dev.tangram.engine.access.AccessSettings.AppRoles;
import dev.tangram.engine.access.AuditLog;
import dev.tangram.engine.access.Grant;
import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.engine.apps.App;
import dev.tangram.engine.apps.AppService;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.TangramException;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.forms.FormSummary;
import dev.tangram.runtime.ui.shell.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * An app's permissions: its admins and members, and per form the grants (who, which operations,
 * which rows, which fields may be edited, only read or not seen). Each change is saved and audited
 * at once, as {@code PUT …/access} and {@code PUT …/permissions} do.
 */
@Route("apps/:app/admin/access")
@PermitAll
public class AppAccessView extends AppAdminPage {

  private final AccessSettings settings;
  private final FormService forms;
  private final OrgDirectory directory;
  private final AuditLog audit;
  private final Grid<Grant> grants = new Grid<>();
  private @Nullable String app;
  private @Nullable String form;
  private Holders holders;

  public AppAccessView(AppService apps, AccessPolicy access, CurrentUser user, AccessSettings settings, FormService forms,
      OrgDirectory directory, AuditLog audit) {
    super(apps, access, user);
    this.settings = settings;
    this.forms = forms;
    this.directory = directory;
    this.audit = audit;
    this.holders = new Holders(directory, this);
  }

  @Override
  String titleKey() {
    return "admin.access.title";
  }

  @Override
  void build(App app) {
    this.app = app.key();
    holders = new Holders(directory, this);
    add(AdminPages.header(getTranslation("admin.access.title") + " · " + app.name()));
    add(new H3(getTranslation("admin.access.appRoles")), appRoles(app.key()));
    add(new H3(getTranslation("admin.access.grants")), new Paragraph(getTranslation("admin.access.grantsHint")));
    ComboBox<FormSummary> formPicker = new ComboBox<>(getTranslation("admin.access.form"));
    formPicker.setItems(forms.list(app.key()));
    formPicker.setItemLabelGenerator(f -> f.name() + " (" + f.key() + ")");
    formPicker.setId("access-form");
    Button add = new Button(getTranslation("admin.access.addGrant"), VaadinIcon.PLUS.create(), e -> editGrant(-1));
    add.setId("add-grant");
    add.setEnabled(false);
    formPicker.addValueChangeListener(e -> {
      form = e.getValue() == null ? null : e.getValue().key();
      add.setEnabled(form != null);
      refreshGrants();
    });
    HorizontalLayout bar = new HorizontalLayout(formPicker, add);
    bar.setAlignItems(Alignment.BASELINE);
    bar.addClassName("wrap");
    grants.addColumn(g -> holders.label(g.to())).setHeader(getTranslation("admin.access.holder")).setAutoWidth(true);
    grants.addColumn(g -> g.operations().stream().sorted().map(o -> getTranslation("admin.op." + o.name())).collect(Collectors.joining(", ")))
        .setHeader(getTranslation("admin.access.operations")).setFlexGrow(1);
    grants.addColumn(g -> getTranslation("admin.scope." + g.scope().name())).setHeader(getTranslation("admin.access.scope")).setAutoWidth(true);
    grants.addColumn(g -> g.fields().entrySet().stream().map(f -> f.getKey() + ": " + getTranslation("admin.field." + f.getValue().name()))
        .sorted().collect(Collectors.joining(", "))).setHeader(getTranslation("admin.access.fields")).setFlexGrow(1);
    grants.addComponentColumn(g -> {
      return AdminPages.deleteButton(getTranslation("action.delete"), () -> removeGrant(g));
    }).setAutoWidth(true).setFlexGrow(0);
    grants.addItemClickListener(e -> editGrant(current().indexOf(e.getItem())));
    grants.setAllRowsVisible(true);
    grants.setId("grants");
    add(bar, grants);
  }

  private VerticalLayout appRoles(String appKey) {
    AppRoles roles = settings.appRoles(appKey);
    MultiSelectComboBox<String> admins = holderPicker("admin.access.admins", roles.admins(), "access-admins");
    MultiSelectComboBox<String> members = holderPicker("admin.access.members", roles.members(), "access-members");
    FieldErrors errors = new FieldErrors().bind("admins", admins).bind("members", members);
    Button save = new Button(getTranslation("action.save"), e -> {
      AppRoles wanted = new AppRoles(List.copyOf(admins.getValue()), List.copyOf(members.getValue()));
      try {
        settings.setAppRoles(appKey, wanted);
        audit.record(user.username(), "app.access", "app:" + appKey, "admins=" + wanted.admins() + " members=" + wanted.members());
        errors.clear();
        AdminPages.done(getTranslation("admin.saved"));
      } catch (TangramException ex) {
        errors.show(ex);
      }
    });
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.setId("access-save");
    VerticalLayout layout = new VerticalLayout(errors.box(), new FormLayout(admins, members), save);
    layout.setPadding(false);
    return layout;
  }

  private MultiSelectComboBox<String> holderPicker(String label, List<String> value, String id) {
    MultiSelectComboBox<String> picker = new MultiSelectComboBox<>(getTranslation(label));
    picker.setItems(holders.all(value));
    picker.setItemLabelGenerator(holders::label);
    picker.setValue(new LinkedHashSet<>(value));
    picker.setId(id);
    return picker;
  }

  private List<Grant> current() {
    return app == null || form == null ? List.of() : settings.grants(app, form);
  }

  private void refreshGrants() {
    grants.setItems(current());
  }

  private void removeGrant(Grant grant) {
    List<Grant> list = new ArrayList<>(current());
    list.remove(grant);
    save(list);
  }

  private void editGrant(int index) {
    if (app == null || form == null) {
      return;
    }
    List<Grant> list = current();
    new GrantDialog(forms.getDraft(app, form), holders, index < 0 ? null : list.get(index), (grant, errors) -> {
      List<Grant> changed = new ArrayList<>(list);
      int at = index < 0 ? changed.size() : index;
      if (index < 0) {
        changed.add(grant);
      } else {
        changed.set(index, grant);
      }
      try {
        settings.setGrants(app, form, changed);
      } catch (TangramException e) {
        String prefix = "grants[" + at + "].";
        List<FieldError> own = e.errors().stream().filter(err -> err.field().startsWith(prefix))
            .map(err -> new FieldError(err.field().substring(prefix.length()), err.code(), err.message())).toList();
        errors.show(own.isEmpty() ? e.errors() : own);
        return false;
      }
      audit.record(user.username(), "form.permissions", "form:" + app + "/" + form, String.valueOf(changed));
      refreshGrants();
      return true;
    }).open();
  }

  private void save(List<Grant> list) {
    try {
      settings.setGrants(app, form, list);
      audit.record(user.username(), "form.permissions", "form:" + app + "/" + form, String.valueOf(list));
      refreshGrants();
    } catch (TangramException e) {
      AdminPages.refused(e);
    }
  }
}
