package dev.tangram.runtime.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.tangram.engine.access.AuditLog;
import dev.tangram.engine.access.Department;
import dev.tangram.engine.access.DirectoryUser;
import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.engine.common.TangramException;
import dev.tangram.runtime.ui.shell.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Platform admins: the department tree with heads and member counts; create, rename, move (new parent), delete. */
@Route("admin/departments")
@RolesAllowed("ADMIN")
public class DepartmentsView extends VerticalLayout implements HasDynamicTitle {

  private final OrgDirectory directory;
  private final AuditLog audit;
  private final CurrentUser user;
  private final TreeGrid<Department> tree = new TreeGrid<>();
  private List<Department> all = List.of();
  private List<DirectoryUser> users = List.of();

  public DepartmentsView(OrgDirectory directory, AuditLog audit, CurrentUser user) {
    this.directory = directory;
    this.audit = audit;
    this.user = user;
    addClassName("page");
    Button create = new Button(getTranslation("admin.departments.new"), VaadinIcon.PLUS.create(), e -> edit(null));
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    create.setId("new-department");
    tree.addHierarchyColumn(Department::name).setHeader(getTranslation("admin.departments.name")).setAutoWidth(true);
    tree.addColumn(Department::id).setHeader(getTranslation("admin.departments.id")).setAutoWidth(true);
    tree.addColumn(d -> String.join(", ", d.heads())).setHeader(getTranslation("admin.departments.heads")).setAutoWidth(true);
    tree.addColumn(d -> users.stream().filter(u -> u.departments().contains(d.id())).count())
        .setHeader(getTranslation("admin.departments.members")).setAutoWidth(true);
    tree.addComponentColumn(d -> {
      return AdminPages.deleteButton(getTranslation("action.delete"), () -> delete(d));
    }).setAutoWidth(true).setFlexGrow(0);
    tree.addItemClickListener(e -> edit(e.getItem()));
    tree.setId("departments");
    tree.setAllRowsVisible(true);
    add(AdminPages.header(getTranslation("admin.departments.title"), create), tree);
    refresh();
  }

  private void refresh() {
    all = directory.departments();
    users = directory.users();
    tree.setItems(all.stream().filter(d -> d.parent() == null || all.stream().noneMatch(p -> p.id().equals(d.parent()))).toList(),
        d -> all.stream().filter(c -> d.id().equals(c.parent())).toList());
    tree.expandRecursively(all, 10);
  }

  private void delete(Department department) {
    try {
      directory.deleteDepartment(department.id());
      audit.record(user.username(), "department.deleted", "department:" + department.id(), "");
      refresh();
    } catch (TangramException e) {
      AdminPages.refused(e);
    }
  }

  private void edit(@Nullable Department existing) {
    boolean create = existing == null;
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(getTranslation(create ? "admin.departments.new" : "admin.departments.edit"));
    TextField id = new TextField(getTranslation("admin.departments.id"));
    id.setId("department-id");
    id.setReadOnly(!create);
    TextField name = new TextField(getTranslation("admin.departments.name"));
    name.setId("department-name");
    ComboBox<String> parent = new ComboBox<>(getTranslation("admin.departments.parent"));
    parent.setItems(all.stream().map(Department::id).filter(d -> existing == null || !d.equals(existing.id())).toList());
    parent.setItemLabelGenerator(d -> all.stream().filter(x -> x.id().equals(d)).map(x -> x.name() + " (" + d + ")").findFirst().orElse(d));
    parent.setClearButtonVisible(true);
    parent.setHelperText(getTranslation("admin.departments.parentHelp"));
    parent.setId("department-parent");
    MultiSelectComboBox<String> heads = new MultiSelectComboBox<>(getTranslation("admin.departments.heads"));
    heads.setItems(users.stream().map(DirectoryUser::username).toList());
    heads.setId("department-heads");
    if (existing != null) {
      id.setValue(existing.id());
      name.setValue(existing.name());
      parent.setValue(existing.parent());
      heads.setValue(new LinkedHashSet<>(existing.heads()));
    }
    FieldErrors errors = new FieldErrors().bind("id", id).bind("name", name).bind("parent", parent).bind("heads", heads);
    FormLayout form = new FormLayout(id, name, parent, heads);
    dialog.add(errors.box(), form);
    Button save = new Button(getTranslation("action.save"), e -> {
      try {
        Department department = directory.saveDepartment(new Department(id.getValue().trim(), name.getValue().trim(),
            parent.getValue(), List.copyOf(heads.getValue())), create);
        audit.record(user.username(), create ? "department.created" : "department.updated", "department:" + department.id(),
            "parent=" + department.parent() + " heads=" + department.heads());
        dialog.close();
        refresh();
      } catch (TangramException ex) {
        errors.show(ex);
      }
    });
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.setId("department-save");
    dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
    dialog.setWidth("min(640px, 100vw)");
    dialog.open();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("admin.departments.title") + " · " + getTranslation("app.name");
  }
}
