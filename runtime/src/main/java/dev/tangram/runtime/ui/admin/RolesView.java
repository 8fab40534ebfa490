package dev.tangram.runtime.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.tangram.engine.access.AuditLog;
import dev.tangram.engine.access.DirectoryUser;
import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.engine.access.Role;
import dev.tangram.engine.common.TangramException;
import dev.tangram.runtime.ui.shell.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Platform admins: roles with their members. Members are kept on the users (as the API does), so
 * changing a role's members rewrites the users who gain or lose it.
 */
@Route("admin/roles")
@RolesAllowed("ADMIN")
public class RolesView extends VerticalLayout implements HasDynamicTitle {

  private final OrgDirectory directory;
  private final AuditLog audit;
  private final CurrentUser user;
  private final Grid<Role> grid = new Grid<>();
  private List<DirectoryUser> users = List.of();

  public RolesView(OrgDirectory directory, AuditLog audit, CurrentUser user) {
    this.directory = directory;
    this.audit = audit;
    this.user = user;
    addClassName("page");
    Button create = new Button(getTranslation("admin.roles.new"), VaadinIcon.PLUS.create(), e -> edit(null));
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    create.setId("new-role");
    grid.addColumn(Role::key).setHeader(getTranslation("admin.roles.key")).setAutoWidth(true);
    grid.addColumn(Role::name).setHeader(getTranslation("admin.roles.name")).setAutoWidth(true);
    grid.addColumn(r -> String.join(", ", members(r.key()))).setHeader(getTranslation("admin.roles.members")).setFlexGrow(1);
    grid.addComponentColumn(r -> {
      return AdminPages.deleteButton(getTranslation("action.delete"), () -> delete(r));
    }).setAutoWidth(true).setFlexGrow(0);
    grid.addItemClickListener(e -> edit(e.getItem()));
    grid.setId("roles");
    grid.setAllRowsVisible(true);
    add(AdminPages.header(getTranslation("admin.roles.title"), create), grid);
    refresh();
  }

  private List<String> members(String role) {
    return users.stream().filter(u -> u.roles().contains(role)).map(DirectoryUser::username).toList();
  }

  private void refresh() {
    users = directory.users();
    grid.setItems(directory.roles());
  }

  private void delete(Role role) {
    try {
      directory.deleteRole(role.key());
      audit.record(user.username(), "role.deleted", "role:" + role.key(), "");
      refresh();
    } catch (TangramException e) {
      AdminPages.refused(e);
    }
  }

  private void edit(@Nullable Role existing) {
    boolean create = existing == null;
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(getTranslation(create ? "admin.roles.new" : "admin.roles.edit"));
    TextField key = new TextField(getTranslation("admin.roles.key"));
    key.setId("role-key");
    key.setReadOnly(!create);
    key.setHelperText(getTranslation("app.key.help"));
    TextField name = new TextField(getTranslation("admin.roles.name"));
    name.setId("role-name");
    TextField description = new TextField(getTranslation("admin.roles.description"));
    description.setId("role-description");
    MultiSelectComboBox<String> members = new MultiSelectComboBox<>(getTranslation("admin.roles.members"));
    members.setItems(users.stream().map(DirectoryUser::username).toList());
    members.setId("role-members");
    if (existing != null) {
      key.setValue(existing.key());
      name.setValue(existing.name());
      description.setValue(existing.description() == null ? "" : existing.description());
      members.setValue(new LinkedHashSet<>(members(existing.key())));
    }
    FieldErrors errors = new FieldErrors().bind("key", key).bind("name", name).bind("description", description).bind("roles", members);
    FormLayout form = new FormLayout(key, name, description, members);
    dialog.add(errors.box(), form);
    Button save = new Button(getTranslation("action.save"), e -> {
      try {
        Role role = directory.saveRole(new Role(key.getValue().trim(), name.getValue().trim(),
            description.getValue().isBlank() ? null : description.getValue().trim()), create);
        setMembers(role.key(), members.getValue());
        audit.record(user.username(), create ? "role.created" : "role.updated", "role:" + role.key(), role.name() + " members=" + members.getValue());
        dialog.close();
        refresh();
      } catch (TangramException ex) {
        errors.show(ex);
      }
    });
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.setId("role-save");
    dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
    dialog.setWidth("min(640px, 100vw)");
    dialog.open();
  }

  private void setMembers(String role, Set<String> wanted) {
    for (DirectoryUser u : directory.users()) {
      boolean has = u.roles().contains(role);
      if (has != wanted.contains(u.username())) {
        List<String> roles = new ArrayList<>(u.roles());
        if (has) {
          roles.remove(role);
        } else {
          roles.add(role);
        }
        directory.saveUser(new DirectoryUser(u.username(), u.displayName(), u.email(), u.phone(), u.departments(), roles, u.enabled()), false);
      }
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("admin.roles.title") + " · " + getTranslation("app.name");
  }
}
