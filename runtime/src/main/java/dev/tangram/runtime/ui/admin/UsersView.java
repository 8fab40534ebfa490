package dev.tangram.runtime.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.tangram.engine.access.AuditLog;
import dev.tangram.engine.access.DirectoryUser;
import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.runtime.security.UserAccounts;
import dev.tangram.runtime.ui.shell.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Platform admins: every user, create and edit (departments, roles, disable, reset password), import a file. */
@Route("admin/users")
@RolesAllowed("ADMIN")
public class UsersView extends VerticalLayout implements HasDynamicTitle {

  private final OrgDirectory directory;
  private final UserAccounts accounts;
  private final AuditLog audit;
  private final CurrentUser user;
  private final Grid<DirectoryUser> grid = new Grid<>();
  private final TextField search = new TextField();

  public UsersView(OrgDirectory directory, UserAccounts accounts, AuditLog audit, CurrentUser user) {
    this.directory = directory;
    this.accounts = accounts;
    this.audit = audit;
    this.user = user;
    addClassName("page");
    Button create = new Button(getTranslation("admin.users.new"), VaadinIcon.PLUS.create(), e -> edit(null));
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    create.setId("new-user");
    Button importUsers = new Button(getTranslation("admin.users.import"), VaadinIcon.UPLOAD.create(),
        e -> new UserImportDialog(directory, accounts, audit, user.username(), this::refresh).open());
    importUsers.setId("import-users");
    search.setPlaceholder(getTranslation("admin.search"));
    search.setClearButtonVisible(true);
    search.setValueChangeMode(ValueChangeMode.LAZY);
    search.addValueChangeListener(e -> refresh());
    search.setId("user-search");
    grid.addColumn(DirectoryUser::username).setHeader(getTranslation("admin.users.username")).setAutoWidth(true).setSortable(true);
    grid.addColumn(DirectoryUser::displayName).setHeader(getTranslation("admin.users.displayName")).setAutoWidth(true).setSortable(true);
    grid.addColumn(u -> u.email() == null ? "" : u.email()).setHeader(getTranslation("admin.users.email")).setAutoWidth(true);
    grid.addColumn(u -> String.join(", ", u.departments())).setHeader(getTranslation("admin.users.departments")).setAutoWidth(true);
    grid.addColumn(u -> String.join(", ", u.roles())).setHeader(getTranslation("admin.users.roles")).setAutoWidth(true);
    grid.addColumn(u -> getTranslation(u.enabled() ? "admin.users.enabled" : "admin.users.disabled"))
        .setHeader(getTranslation("admin.users.status")).setAutoWidth(true);
    grid.addItemClickListener(e -> edit(e.getItem()));
    grid.setId("users");
    grid.setAllRowsVisible(true);
    add(AdminPages.header(getTranslation("admin.users.title"), create, importUsers), search, grid);
    refresh();
  }

  private void edit(@Nullable DirectoryUser existing) {
    new UserDialog(directory, accounts, audit, user.username(), existing, this::refresh).open();
  }

  private void refresh() {
    String q = search.getValue().trim().toLowerCase(Locale.ROOT);
    grid.setItems(directory.users().stream().filter(u -> q.isEmpty() || u.username().toLowerCase(Locale.ROOT).contains(q)
        || u.displayName().toLowerCase(Locale.ROOT).contains(q)).toList());
  }

  @Override
  public String getPageTitle() {
    return getTranslation("admin.users.title") + " · " + getTranslation("app.name");
  }
}
