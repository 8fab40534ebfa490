package dev.tangram.runtime.ui.records;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.forms.FieldDefinition;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.records.RecordQuery;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Builds the list's filters from the allow-listed operators (DESIGN §7): pick a field, an operator
 * and a value; each filter shows as a removable chip. Values are typed for the field (numbers
 * for number and money); lists for {@code in}/{@code nin}/{@code between} are comma-separated.
 */
public final class FilterBar extends Composite<Div> {

  private static final JsonNodeFactory NODES = Json.MAPPER.getNodeFactory();
  private final List<RecordQuery.Filter> filters = new ArrayList<>();
  private final Div chips = new Div();
  private final FormDefinition form;
  private final Consumer<List<RecordQuery.Filter>> onChange;

  public FilterBar(FormDefinition form, Consumer<List<RecordQuery.Filter>> onChange) {
    this.form = form;
    this.onChange = onChange;
    ComboBox<String> field = new ComboBox<>();
    List<String> keys = new ArrayList<>(form.fields().stream().filter(f -> !"subform".equals(f.type())).map(FieldDefinition::key).toList());
    keys.addAll(List.of("createdBy", "createdAt", "status"));
    field.setItems(keys);
    field.setItemLabelGenerator(this::label);
    field.setPlaceholder(getTranslation("records.filter.field"));
    field.setId("filter-field");
    Select<String> op = new Select<>();
    op.setItems(RecordQuery.Filter.OPS);
    op.setItemLabelGenerator(o -> getTranslation("records.op." + o));
    op.setValue("contains");
    op.setId("filter-op");
    TextField value = new TextField();
    value.setPlaceholder(getTranslation("records.filter.value"));
    value.setId("filter-value");
    Button add = new Button(getTranslation("records.filter.add"), VaadinIcon.FILTER.create(), e -> {
      if (field.getValue() != null && op.getValue() != null) {
        filters.add(new RecordQuery.Filter(field.getValue(), op.getValue(), parse(field.getValue(), op.getValue(), value.getValue())));
        value.clear();
        changed();
      }
    });
    add.setId("filter-add");
    add.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
    FlexLayout inputs = new FlexLayout(field, op, value, add);
    inputs.addClassName("filter-inputs");
    chips.addClassName("filter-chips");
    getContent().add(inputs, chips);
    getContent().addClassName("filter-bar");
  }

  private String label(String key) {
    return form.findField(key).map(FieldDefinition::displayName).orElseGet(() -> getTranslation("records.system." + key));
  }

  private JsonNode parse(String key, String op, String text) {
    FieldDefinition field = form.findField(key).orElse(null);
    if ("empty".equals(op)) {
      return NODES.booleanNode(!"false".equalsIgnoreCase(text.trim()) && !"否".equals(text.trim()));
    }
    if (List.of("in", "nin", "between").contains(op)) {
      ArrayNode values = NODES.arrayNode();
      Arrays.stream(text.split("[,，]")).map(String::trim).filter(s -> !s.isEmpty()).forEach(s -> values.add(scalar(field, s)));
      return values;
    }
    return scalar(field, text.trim());
  }

  private static JsonNode scalar(FieldDefinition field, String text) {
    if (field != null && ("number".equals(field.type()) || "money".equals(field.type()))) {
      try {
        return NODES.numberNode(new BigDecimal(text));
      } catch (NumberFormatException e) {
        return NODES.stringNode(text); // the server names the problem at the filter
      }
    }
    if (field != null && "boolean".equals(field.type())) {
      return NODES.booleanNode(Boolean.parseBoolean(text) || "是".equals(text));
    }
    return NODES.stringNode(text);
  }

  /** Shows {@code chosen} as the current filters (e.g. a saved view's or widget's). */
  public void setFilters(List<RecordQuery.Filter> chosen) {
    filters.clear();
    filters.addAll(chosen);
    changed();
  }

  private void changed() {
    chips.removeAll();
    for (RecordQuery.Filter filter : List.copyOf(filters)) {
      Span chip = new Span(label(filter.field()) + " " + getTranslation("records.op." + filter.op()) + " " + CellText.of(null, filter.value()));
      chip.addClassName("filter-chip");
      Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
        filters.remove(filter);
        changed();
      });
      remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
      chip.add(remove);
      chips.add(chip);
    }
    onChange.accept(List.copyOf(filters));
  }
}
