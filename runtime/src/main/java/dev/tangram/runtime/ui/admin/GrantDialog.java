package dev.tangram.runtime.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.select.Select;
import dev.tangram.engine.access.FieldAccess;
import dev.tangram.engine.access.Grant;
import dev.tangram.engine.access.Operation;
import dev.tangram.engine.access.RowScope;
import dev.tangram.engine.forms.FieldDefinition;
import dev.tangram.engine.forms.FormDefinition;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;

/**
 * One grant of a form: holder, operations × row scope, and per field edit / read / hidden. The
 * caller saves it ({@code save} answers whether it was accepted) and shows the engine's errors here.
 */
final class GrantDialog extends Dialog {

  GrantDialog(FormDefinition form, Holders holders, @Nullable Grant existing, BiPredicate<Grant, FieldErrors> save) {
    setHeaderTitle(getTranslation(existing == null ? "admin.access.addGrant" : "admin.access.editGrant") + " · " + form.name());
    ComboBox<String> to = new ComboBox<>(getTranslation("admin.access.holder"));
    to.setItems(holders.all(existing == null ? List.of() : List.of(existing.to())));
    to.setItemLabelGenerator(holders::label);
    to.setId("grant-to");
    CheckboxGroup<Operation> operations = new CheckboxGroup<>(getTranslation("admin.access.operations"));
    operations.setItems(Operation.values());
    operations.setItemLabelGenerator(o -> getTranslation("admin.op." + o.name()));
    operations.setId("grant-operations");
    Select<RowScope> scope = new Select<>();
    scope.setLabel(getTranslation("admin.access.scope"));
    scope.setItems(RowScope.values());
    scope.setItemLabelGenerator(s -> getTranslation("admin.scope." + s.name()));
    scope.setValue(RowScope.OWN);
    scope.setId("grant-scope");
    FormLayout fieldsLayout = new FormLayout();
    fieldsLayout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 2), new FormLayout.ResponsiveStep("500px", 3));
    Map<String, Select<FieldAccess>> fieldAccess = new LinkedHashMap<>();
    for (FieldDefinition field : form.fields()) {
      Select<FieldAccess> select = new Select<>();
      select.setLabel(field.displayName());
      select.setItems(FieldAccess.values());
      select.setItemLabelGenerator(a -> getTranslation("admin.field." + a.name()));
      select.setValue(FieldAccess.EDIT);
      select.setId("grant-field-" + field.key());
      fieldAccess.put(field.key(), select);
      fieldsLayout.add(select);
    }
    if (existing != null) {
      to.setValue(existing.to());
      operations.setValue(existing.operations().isEmpty() ? EnumSet.noneOf(Operation.class) : EnumSet.copyOf(existing.operations()));
      scope.setValue(existing.scope());
      existing.fields().forEach((k, v) -> {
        if (fieldAccess.containsKey(k)) {
          fieldAccess.get(k).setValue(v);
        }
      });
    }
    FieldErrors errors = new FieldErrors().bind("to", to).bind("operations", operations).bind("scope", scope);
    FormLayout main = new FormLayout(to, scope, operations);
    main.setColspan(operations, 2);
    add(errors.box(), main, new H4(getTranslation("admin.access.fields")), fieldsLayout);
    Button ok = new Button(getTranslation("action.save"), e -> {
      Map<String, FieldAccess> fields = new LinkedHashMap<>();
      fieldAccess.forEach((k, select) -> {
        if (select.getValue() != null && select.getValue() != FieldAccess.EDIT) {
          fields.put(k, select.getValue()); // unlisted fields are editable, so only the limits are stored
        }
      });
      Grant grant = new Grant(to.getValue() == null ? "" : to.getValue(), operations.getValue(),
          scope.getValue() == null ? RowScope.OWN : scope.getValue(), fields);
      if (save.test(grant, errors)) {
        close();
      }
    });
    ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    ok.setId("grant-save");
    getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), ok);
    setWidth("min(760px, 100vw)");
  }
}
