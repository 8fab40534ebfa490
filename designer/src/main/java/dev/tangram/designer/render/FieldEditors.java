package dev.tangram.designer.render;

import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.forms.FieldDefinition;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The registry of field editors: a map from field type name to the factory of its input. The
 * designer's palette and the renderer both take the type names from the engine's
 * {@link dev.tangram.engine.forms.fields.FieldTypes}.
 */
public final class FieldEditors {

  /** Makes the editor of one field. */
  @FunctionalInterface
  interface Factory {
    FieldEditor create(FieldDefinition field, RenderContext context);
  }

  private static final JsonNodeFactory NODES = Json.MAPPER.getNodeFactory();

  private static final Map<String, Factory> FACTORIES = Map.ofEntries(
      Map.entry("text", (f, c) -> text(new TextField(), f)),
      Map.entry("phone", (f, c) -> text(new TextField(), f)),
      Map.entry("email", (f, c) -> text(new EmailField(), f)),
      Map.entry("textarea", (f, c) -> text(new TextArea(), f)),
      Map.entry("number", (f, c) -> decimal(f)),
      Map.entry("money", (f, c) -> decimal(f)),
      Map.entry("boolean", (f, c) -> new ValueEditor<>(new Checkbox(), NODES::booleanNode, node -> node.asBoolean())),
      Map.entry("date", (f, c) -> new ValueEditor<>(new DatePicker(), d -> NODES.stringNode(d.toString()), n -> LocalDate.parse(n.asString()))),
      Map.entry("datetime", (f, c) -> dateTime()),
      Map.entry("select", (f, c) -> select(f)),
      Map.entry("multiselect", (f, c) -> multiselect(f)),
      Map.entry("user", (f, c) -> directory(c.users())),
      Map.entry("department", (f, c) -> directory(c.departments())),
      Map.entry("attachment", FileEditor::new),
      Map.entry("image", FileEditor::new),
      Map.entry("relation", RelationEditor::new),
      Map.entry("serial", SerialEditor::new),
      Map.entry("subform", SubformEditor::new));

  private FieldEditors() {}

  /** Whether the renderer has an editor for {@code type}. */
  public static boolean supports(String type) {
    return FACTORIES.containsKey(type);
  }

  /** The editor of {@code field}, labelled, with its help text, read-only when computed. */
  public static FieldEditor create(FieldDefinition field, RenderContext context) {
    Factory factory = FACTORIES.get(field.type());
    FieldEditor editor = factory == null ? text(new TextField(), field) : factory.create(field, context);
    if (editor.component() instanceof HasLabel labelled) {
      labelled.setLabel(field.displayName());
    }
    if (field.help() != null && editor.component() instanceof HasHelper helped) {
      helped.setHelperText(field.help());
    }
    if (editor.component() instanceof HasSize sized) {
      sized.setWidthFull();
    }
    if (field.required() && editor.component() instanceof com.vaadin.flow.component.HasElement element) {
      element.getElement().setProperty("required", true);
    }
    editor.component().setId("field-" + field.key());
    if (field.isComputed()) {
      editor.setReadOnly(true);
    }
    return editor;
  }

  private static <T extends com.vaadin.flow.data.value.HasValueChangeMode> T lazy(T input) {
    input.setValueChangeMode(ValueChangeMode.LAZY);
    input.setValueChangeTimeout(250);
    return input;
  }

  private static FieldEditor text(TextField input, FieldDefinition field) {
    lazy(input);
    if (field.maxLength() != null) {
      input.setMaxLength(field.maxLength());
    }
    return new ValueEditor<>(input, s -> s.isEmpty() ? null : NODES.stringNode(s), n -> n.asString());
  }

  private static FieldEditor text(EmailField input, FieldDefinition field) {
    lazy(input);
    return new ValueEditor<>(input, s -> s.isEmpty() ? null : NODES.stringNode(s), n -> n.asString());
  }

  private static FieldEditor text(TextArea input, FieldDefinition field) {
    lazy(input);
    if (field.maxLength() != null) {
      input.setMaxLength(field.maxLength());
    }
    return new ValueEditor<>(input, s -> s.isEmpty() ? null : NODES.stringNode(s), n -> n.asString());
  }

  private static FieldEditor decimal(FieldDefinition field) {
    BigDecimalField input = lazy(new BigDecimalField());
    input.addClassName("number-field");
    return new ValueEditor<>(input, (BigDecimal d) -> DecimalNode.valueOf(d), n -> n.decimalValue());
  }

  private static FieldEditor dateTime() {
    DateTimePicker input = new DateTimePicker();
    return new ValueEditor<>(input,
        (LocalDateTime t) -> NODES.stringNode(t.atZone(ZoneId.systemDefault()).toOffsetDateTime().toString()),
        n -> OffsetDateTime.parse(n.asString()).atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime());
  }

  private static FieldEditor select(FieldDefinition field) {
    ComboBox<String> input = new ComboBox<>();
    input.setItems(field.options().stream().map(FieldDefinition.Option::value).toList());
    input.setItemLabelGenerator(v -> labelOf(field, v));
    return new ValueEditor<>(input, NODES::stringNode, n -> n.asString());
  }

  private static FieldEditor multiselect(FieldDefinition field) {
    MultiSelectComboBox<String> input = new MultiSelectComboBox<>();
    input.setItems(field.options().stream().map(FieldDefinition.Option::value).toList());
    input.setItemLabelGenerator(v -> labelOf(field, v));
    return new ValueEditor<>(input, (Set<String> values) -> {
      ArrayNode array = NODES.arrayNode();
      field.options().stream().map(FieldDefinition.Option::value).filter(values::contains).forEach(array::add);
      return array;
    }, n -> {
      Set<String> values = new LinkedHashSet<>();
      n.forEach(v -> values.add(v.asString()));
      return values;
    });
  }

  private static FieldEditor directory(java.util.List<RenderContext.Choice> choices) {
    ComboBox<String> input = new ComboBox<>();
    Map<String, String> labels = new java.util.LinkedHashMap<>();
    choices.forEach(c -> labels.put(c.value(), c.label()));
    input.setItems(labels.keySet());
    input.setItemLabelGenerator(v -> labels.getOrDefault(v, v));
    return new ValueEditor<>(input, NODES::stringNode, n -> n.asString());
  }

  private static String labelOf(FieldDefinition field, String value) {
    return field.options().stream().filter(o -> o.value().equals(value)).map(FieldDefinition.Option::label).findFirst().orElse(value);
  }
}
