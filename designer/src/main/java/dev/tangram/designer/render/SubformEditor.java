package dev.tangram.designer.render;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.forms.FieldDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code subform}: a table of rows, each row one editor per column (the same editors as top-level
 * fields), with "add row" and a delete button per row. Row formula columns are read-only and
 * filled from the live calculation.
 */
final class SubformEditor implements FieldEditor {

  private static final Pattern ROW_PATH = Pattern.compile("^\\[(\\d+)]\\.?([A-Za-z][A-Za-z0-9_]*)?.*");

  private final FieldDefinition field;
  private final RenderContext context;
  private final Div rowsBox = new Div();
  private final Button add;
  private final LabelledBlock block;
  private final List<Map<String, FieldEditor>> rows = new ArrayList<>();
  private final List<Div> rowBoxes = new ArrayList<>();
  private final List<Runnable> listeners = new ArrayList<>();
  private boolean readOnly;

  SubformEditor(FieldDefinition field, RenderContext context) {
    this.field = field;
    this.context = context;
    rowsBox.addClassName("subform-rows");
    add = new Button(rowsBox.getTranslation("render.subform.addRow"), VaadinIcon.PLUS.create(), e -> {
      addRow(null);
      changed();
    });
    add.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    add.setId("add-row-" + field.key());
    Div content = new Div(rowsBox, add);
    content.addClassName("subform");
    block = new LabelledBlock(field.displayName(), field.help(), field.required(), content);
  }

  private void addRow(@Nullable JsonNode value) {
    int index = rows.size();
    Map<String, FieldEditor> editors = new LinkedHashMap<>();
    Div row = new Div();
    row.addClassName("subform-row");
    for (FieldDefinition column : field.fields()) {
      FieldEditor editor = FieldEditors.create(column, context);
      editor.component().setId("field-" + field.key() + "-" + index + "-" + column.key());
      if (value != null && value.has(column.key())) {
        editor.setValue(value.get(column.key()));
      }
      editor.setReadOnly(readOnly || column.isComputed());
      editor.onChange(this::changed);
      editors.put(column.key(), editor);
      Div cell = new Div(editor.component());
      cell.addClassName("subform-cell");
      row.add(cell);
    }
    Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
      int at = rowBoxes.indexOf(row);
      rows.remove(at);
      rowBoxes.remove(at);
      rowsBox.remove(row);
      changed();
    });
    remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
    remove.setAriaLabel(rowsBox.getTranslation("render.subform.removeRow"));
    remove.setVisible(!readOnly);
    remove.addClassName("subform-remove");
    row.add(remove);
    rows.add(editors);
    rowBoxes.add(row);
    rowsBox.add(row);
  }

  private void changed() {
    listeners.forEach(Runnable::run);
  }

  /** Shows the computed row columns of {@code computedRows} without touching what the user typed. */
  void applyComputed(@Nullable JsonNode computedRows) {
    if (computedRows == null || !computedRows.isArray()) {
      return;
    }
    for (int i = 0; i < rows.size() && i < computedRows.size(); i++) {
      for (FieldDefinition column : field.fields()) {
        if (column.isComputed()) {
          rows.get(i).get(column.key()).setValue(computedRows.get(i).get(column.key()));
        }
      }
    }
  }

  @Override
  public Component component() {
    return block;
  }

  @Override
  public @Nullable JsonNode value() {
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (Map<String, FieldEditor> row : rows) {
      ObjectNode object = array.addObject();
      row.forEach((key, editor) -> {
        JsonNode value = editor.value();
        if (value != null && !field.fields().stream().anyMatch(c -> c.key().equals(key) && c.isComputed())) {
          object.set(key, value);
        }
      });
    }
    return array.isEmpty() ? null : array;
  }

  @Override
  public void setValue(@Nullable JsonNode value) {
    rows.clear();
    rowBoxes.clear();
    rowsBox.removeAll();
    if (value != null && value.isArray()) {
      value.forEach(this::addRow);
    }
  }

  @Override
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  @Override
  public void setReadOnly(boolean readOnly) {
    this.readOnly = readOnly;
    add.setVisible(!readOnly);
    JsonNode current = value();
    setValue(current);
  }

  @Override
  public void showError(String path, String message) {
    Matcher m = ROW_PATH.matcher(path);
    if (m.matches() && Integer.parseInt(m.group(1)) < rows.size() && m.group(2) != null
        && rows.get(Integer.parseInt(m.group(1))).containsKey(m.group(2))) {
      rows.get(Integer.parseInt(m.group(1))).get(m.group(2)).showError("", message);
    } else {
      block.showError(message);
    }
  }

  @Override
  public void clearErrors() {
    block.clearError();
    rows.forEach(r -> r.values().forEach(FieldEditor::clearErrors));
  }
}
