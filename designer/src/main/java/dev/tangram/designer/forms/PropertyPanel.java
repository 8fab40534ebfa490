package dev.tangram.designer.forms;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Edits the selected field: label, key, required, help, options, min/max, default, formula,
 * unique/indexed, visibility rule, and what only some types have (length, relation target, serial
 * pattern). Every edit goes straight into the model and refreshes the canvas and the preview.
 */
final class PropertyPanel extends Composite<Div> {

  private final Runnable changed;
  private final Consumer<DesignField> delete;
  private @Nullable DesignField field;

  PropertyPanel(Runnable changed, Consumer<DesignField> delete) {
    this.changed = changed;
    this.delete = delete;
    getContent().addClassName("property-panel");
    getContent().setId("property-panel");
    show(null);
  }

  void show(@Nullable DesignField selected) {
    this.field = selected;
    Div content = getContent();
    content.removeAll();
    content.add(new H4(getTranslation("designer.properties")));
    if (selected == null) {
      content.add(new Paragraph(getTranslation("designer.selectField")));
      return;
    }
    Paragraph type = new Paragraph(getTranslation("designer.type") + ": " + getTranslation("field.type." + selected.type));
    type.addClassName("tile-meta");
    content.add(type);
    content.add(text("prop-label", "designer.label", selected.label, v -> selected.label = v));
    content.add(text("prop-key", "designer.key", selected.key, v -> selected.key = v));
    if (!selected.isSubform()) {
      content.add(check("prop-required", "designer.required", selected.required, v -> selected.required = v));
    }
    content.add(text("prop-help", "designer.help", selected.help, v -> selected.help = v));
    if (List.of("select", "multiselect").contains(selected.type)) {
      TextArea options = area("prop-options", "designer.options", selected.options, v -> selected.options = v);
      options.setHelperText(getTranslation("designer.options.help"));
      content.add(options);
    }
    if (List.of("number", "money").contains(selected.type)) {
      content.add(decimal("prop-min", "designer.min", selected.min, v -> selected.min = v));
      content.add(decimal("prop-max", "designer.max", selected.max, v -> selected.max = v));
    }
    if (List.of("text", "textarea", "email", "phone").contains(selected.type)) {
      IntegerField max = new IntegerField(getTranslation("designer.maxLength"));
      max.setValue(selected.maxLength);
      max.setId("prop-maxLength");
      max.addValueChangeListener(e -> update(() -> selected.maxLength = e.getValue()));
      content.add(max);
    }
    if ("relation".equals(selected.type)) {
      content.add(text("prop-target-form", "designer.targetForm", selected.targetForm, v -> selected.targetForm = v));
      content.add(text("prop-target-display", "designer.targetDisplay", selected.targetDisplay, v -> selected.targetDisplay = v));
    }
    if ("serial".equals(selected.type)) {
      TextField pattern = text("prop-pattern", "designer.pattern", selected.pattern, v -> selected.pattern = v);
      pattern.setHelperText("{yyyyMMdd} {seq:4}");
      content.add(pattern);
    }
    if (!List.of("subform", "serial", "attachment", "image").contains(selected.type)) {
      content.add(text("prop-default", "designer.default", selected.defaultValue, v -> selected.defaultValue = v));
      TextArea formula = area("prop-formula", "designer.formula", selected.formula, v -> selected.formula = v);
      formula.setHelperText(getTranslation("designer.formula.help"));
      formula.addClassName("code");
      content.add(formula);
      content.add(check("prop-unique", "designer.unique", selected.unique, v -> selected.unique = v));
      content.add(check("prop-indexed", "designer.indexed", selected.indexed, v -> selected.indexed = v));
    }
    TextField visible = text("prop-visible", "designer.visibleWhen", selected.visibleWhen, v -> selected.visibleWhen = v);
    visible.setHelperText(getTranslation("designer.visibleWhen.help"));
    visible.addClassName("code");
    content.add(visible);
    Button remove = new Button(getTranslation("designer.removeField"), VaadinIcon.TRASH.create(), e -> delete.accept(selected));
    remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
    remove.setId("prop-remove");
    content.add(remove);
  }

  private TextField text(String id, String label, String value, Consumer<String> set) {
    TextField input = new TextField(getTranslation(label));
    return bind(input, id, value, set);
  }

  private TextArea area(String id, String label, String value, Consumer<String> set) {
    TextArea input = new TextArea(getTranslation(label));
    return bind(input, id, value, set);
  }

  private <C extends Component & HasValue<?, String> & com.vaadin.flow.data.value.HasValueChangeMode> C bind(
      C input, String id, String value, Consumer<String> set) {
    input.setValue(value);
    input.setId(id);
    input.setValueChangeMode(ValueChangeMode.LAZY);
    input.setValueChangeTimeout(300);
    input.addValueChangeListener(e -> update(() -> set.accept(e.getValue() == null ? "" : e.getValue())));
    if (input instanceof com.vaadin.flow.component.HasSize sized) {
      sized.setWidthFull();
    }
    return input;
  }

  private Checkbox check(String id, String label, boolean value, Consumer<Boolean> set) {
    Checkbox box = new Checkbox(getTranslation(label), value);
    box.setId(id);
    box.addValueChangeListener(e -> update(() -> set.accept(e.getValue())));
    return box;
  }

  private BigDecimalField decimal(String id, String label, java.math.@Nullable BigDecimal value,
      Consumer<java.math.@Nullable BigDecimal> set) {
    BigDecimalField input = new BigDecimalField(getTranslation(label));
    input.setValue(value);
    input.setId(id);
    input.addValueChangeListener(e -> update(() -> set.accept(e.getValue())));
    return input;
  }

  private void update(Runnable edit) {
    if (field != null) {
      edit.run();
      changed.run();
    }
  }
}
