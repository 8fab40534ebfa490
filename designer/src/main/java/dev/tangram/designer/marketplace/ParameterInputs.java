package dev.tangram.designer.marketplace;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.templates.CatalogEntry;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * One input per template parameter (number and money as decimals, boolean as a checkbox, select
 * from its options, text otherwise), filled with the current or default value; the engine checks
 * the values and its errors ({@code params.<key>}) are shown at the inputs.
 */
final class ParameterInputs extends FormLayout {

  private final Map<String, AbstractField<?, ?>> inputs = new LinkedHashMap<>();
  private final Map<String, CatalogEntry.Parameter> parameters = new LinkedHashMap<>();

  ParameterInputs(List<CatalogEntry.Parameter> declared, Map<String, ?> current, Locale locale) {
    for (CatalogEntry.Parameter p : declared) {
      Object value = current.containsKey(p.key()) ? current.get(p.key()) : p.defaultValue();
      String label = Texts.pick(p.label(), locale) + (p.required() ? " *" : "");
      AbstractField<?, ?> input = switch (p.type()) {
        case "number", "money" -> {
          BigDecimalField f = new BigDecimalField(label);
          f.setValue(value == null ? null : new BigDecimal(value.toString()));
          yield f;
        }
        case "boolean" -> new Checkbox(label, Boolean.TRUE.equals(value));
        case "select" -> {
          Select<String> s = new Select<>();
          s.setLabel(label);
          s.setItems(p.options());
          s.setValue(value == null ? null : value.toString());
          yield s;
        }
        default -> {
          TextField t = new TextField(label);
          t.setValue(value == null ? "" : value.toString());
          yield t;
        }
      };
      ((Component) input).setId("param-" + p.key());
      inputs.put(p.key(), input);
      parameters.put(p.key(), p);
      add((Component) input);
    }
  }

  boolean isEmpty() {
    return inputs.isEmpty();
  }

  /** The values as the engine takes them; empty inputs are left out (the default or current value applies). */
  ObjectNode values() {
    ObjectNode values = Json.MAPPER.createObjectNode();
    inputs.forEach((key, input) -> {
      Object value = input.getValue();
      switch (value) {
        case null -> { }
        case BigDecimal d -> values.put(key, d);
        case Boolean b -> values.put(key, b);
        case String s when s.isEmpty() -> { }
        default -> values.put(key, value.toString());
      }
    });
    return values;
  }

  /** Shows {@code params.<key>} errors at their inputs; returns those no input claims. */
  List<FieldError> show(List<FieldError> errors) {
    inputs.values().forEach(i -> {
      if (i instanceof HasValidation v) {
        v.setInvalid(false);
      }
    });
    return errors.stream().filter(e -> !showAt(e)).toList();
  }

  private boolean showAt(FieldError error) {
    @Nullable AbstractField<?, ?> input = error.field().startsWith("params.") ? inputs.get(error.field().substring(7)) : null;
    if (input instanceof HasValidation v) {
      v.setErrorMessage(error.message());
      v.setInvalid(true);
      return true;
    }
    return false;
  }
}
