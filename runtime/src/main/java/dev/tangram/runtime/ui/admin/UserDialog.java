package dev.tangram.runtime.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import dev.tangram.engine.access.AuditLog;
import dev.tangram.engine.access.Department;
import dev.tangram.engine.access.DirectoryUser;
import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.engine.access.Role;
import dev.tangram.engine.common.TangramException;
import dev.tangram.runtime.api.directory.PasswordPolicy;
import dev.tangram.runtime.security.UserAccounts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Creates a user or edits one: name, contact, departments, roles, enabled, and a new password (reset). */
final class UserDialog extends Dialog {

  private final TextField username = new TextField();
  private final TextField displayName = new TextField();
  private final EmailField email = new EmailField();
  private final TextField phone = new TextField();
  private final MultiSelectComboBox<String> departments = new MultiSelectComboBox<>();
  private final MultiSelectComboBox<String> roles = new MultiSelectComboBox<>();
  private final Checkbox enabled = new Checkbox();
  private final PasswordField password = new PasswordField();
  private final FieldErrors errors = new FieldErrors();

  UserDialog(OrgDirectory directory, UserAccounts accounts, AuditLog audit, String admin, @Nullable DirectoryUser existing, Runnable saved) {
    boolean create = existing == null;
    setHeaderTitle(getTranslation(create ? "admin.users.new" : "admin.users.edit"));
    username.setLabel(getTranslation("admin.users.username"));
    username.setId("user-username");
    username.setReadOnly(!create);
    displayName.setLabel(getTranslation("admin.users.displayName"));
    displayName.setId("user-display-name");
    email.setLabel(getTranslation("admin.users.email"));
    email.setId("user-email");
    phone.setLabel(getTranslation("admin.users.phone"));
    phone.setId("user-phone");
    Map<String, String> departmentNames = directory.departments().stream().collect(Collectors.toMap(Department::id, Department::name));
    departments.setLabel(getTranslation("admin.users.departments"));
    departments.setItems(departmentNames.keySet().stream().sorted().toList());
    departments.setItemLabelGenerator(id -> departmentNames.getOrDefault(id, id) + " (" + id + ")");
    departments.setId("user-departments");
    List<String> roleKeys = new ArrayList<>(List.of("ADMIN"));
    Map<String, String> roleNames = directory.roles().stream().collect(Collectors.toMap(Role::key, Role::name));
    roleKeys.addAll(roleNames.keySet().stream().sorted().toList());
    roles.setLabel(getTranslation("admin.users.roles"));
    roles.setItems(roleKeys);
    roles.setItemLabelGenerator(key -> "ADMIN".equals(key) ? getTranslation("admin.roles.platformAdmin") : roleNames.getOrDefault(key, key) + " (" + key + ")");
    roles.setId("user-roles");
    enabled.setLabel(getTranslation("admin.users.enabledLabel"));
    enabled.setId("user-enabled");
    enabled.setValue(true);
    password.setLabel(getTranslation(create ? "admin.users.password" : "admin.users.resetPassword"));
    password.setHelperText(getTranslation("admin.users.passwordHelp"));
    password.setId("user-password");
    if (existing != null) {
      username.setValue(existing.username());
      displayName.setValue(existing.displayName());
      email.setValue(existing.email() == null ? "" : existing.email());
      phone.setValue(existing.phone() == null ? "" : existing.phone());
      departments.setValue(new LinkedHashSet<>(existing.departments()));
      roles.setValue(new LinkedHashSet<>(existing.roles()));
      enabled.setValue(existing.enabled());
    }
    errors.bind("username", username).bind("displayName", displayName).bind("email", email).bind("phone", phone)
        .bind("departments", departments).bind("roles", roles).bind("password", password);
    FormLayout form = new FormLayout(username, displayName, email, phone, departments, roles, password, enabled);
    form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("500px", 2));
    add(errors.box(), form);
    Button save = new Button(getTranslation("action.save"), e -> save(directory, accounts, audit, admin, create, saved));
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.setId("user-save");
    getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    setWidth("min(720px, 100vw)");
  }

  private void save(OrgDirectory directory, UserAccounts accounts, AuditLog audit, String admin, boolean create, Runnable saved) {
    String newPassword = password.getValue().isEmpty() ? null : password.getValue();
    DirectoryUser user = new DirectoryUser(username.getValue().trim(), displayName.getValue().trim(), blankToNull(email.getValue()),
        blankToNull(phone.getValue()), List.copyOf(departments.getValue()), List.copyOf(roles.getValue()), enabled.getValue());
    try {
      var problems = new ArrayList<>(directory.problemsOf(user));
      if (newPassword != null && !PasswordPolicy.acceptable(newPassword)) {
        problems.add(new dev.tangram.engine.common.FieldError("password", "length", PasswordPolicy.RULE));
      }
      if (!problems.isEmpty()) {
        errors.show(problems);
        return;
      }
      directory.saveUser(user, create);
      if (newPassword != null) {
        accounts.setPassword(user.username(), newPassword);
      }
      audit.record(admin, create ? "user.created" : "user.updated", "user:" + user.username(), "roles=" + user.roles()
          + " departments=" + user.departments() + " enabled=" + user.enabled() + (newPassword != null ? " password changed" : ""));
      close();
      AdminPages.done(getTranslation("admin.saved"));
      saved.run();
    } catch (TangramException e) {
      errors.show(e);
    }
  }

  private static @Nullable String blankToNull(String value) {
    return value.isBlank() ? null : value.trim();
  }
}
