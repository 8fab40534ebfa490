package dev.tangram.designer.flows;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import dev.tangram.engine.forms.FieldDefinition;
import java.util.List;
import java.util.Map;

/**
 * The field permissions of an approve node as a matrix: one row per form field, one column each
 * for edit, read and hidden. Read is the default; hidden fields are never sent to the approver's
 * browser, edit fields may be changed with the approval.
 */
final class PermissionMatrix extends Composite<Div> {

  PermissionMatrix(List<FieldDefinition> fields, Map<String, String> permissions, Runnable changed) {
    Div matrix = getContent();
    matrix.addClassName("permission-matrix");
    matrix.setId("permission-matrix");
    Div header = new Div(new Span(getTranslation("flow.designer.field")));
    header.addClassNames("permission-row", "permission-header");
    DesignNode.PERMISSIONS.forEach(p -> header.add(new Span(getTranslation("flow.permission." + p))));
    matrix.add(header);
    for (FieldDefinition field : fields) {
      RadioButtonGroup<String> choice = new RadioButtonGroup<>();
      choice.setItems(DesignNode.PERMISSIONS);
      choice.setItemLabelGenerator(p -> "");
      choice.setValue(permissions.getOrDefault(field.key(), "read"));
      choice.setId("perm-" + field.key());
      choice.setAriaLabel(field.displayName());
      choice.addClassName("permission-choice");
      choice.addValueChangeListener(e -> {
        if (e.getValue() != null) {
          permissions.put(field.key(), e.getValue());
          changed.run();
        }
      });
      Span name = new Span(field.displayName());
      name.addClassName("permission-field");
      Div row = new Div(name, choice);
      row.addClassName("permission-row");
      matrix.add(row);
    }
  }
}
