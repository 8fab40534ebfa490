package dev.tangram.designer.forms;

import dev.tangram.engine.common.Json;
import dev.tangram.engine.forms.FieldDefinition;
import dev.tangram.engine.forms.FormRule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One field while it is being designed: mutable, possibly incomplete. It becomes the engine's
 * immutable {@link FieldDefinition} for the preview and the saved draft; the engine checks it then.
 */
final class DesignField {

  String key;
  String type;
  String label = "";
  String help = "";
  boolean required;
  boolean unique;
  boolean indexed;
  @Nullable Integer maxLength;
  @Nullable BigDecimal min;
  @Nullable BigDecimal max;
  /** One option per line, {@code value} or {@code value=label}. */
  String options = "";
  String formula = "";
  /** The default as typed; converted to the field's type when the definition is built. */
  String defaultValue = "";
  /** A {@code visible} rule's condition; empty means always visible. */
  String visibleWhen = "";
  String targetForm = "";
  String targetDisplay = "";
  String pattern = "";
  final List<DesignField> fields = new ArrayList<>();

  DesignField(String key, String type) {
    this.key = key;
    this.type = type;
    if ("serial".equals(type)) {
      pattern = "NO-{yyyyMMdd}-{seq:4}";
    }
    if ("select".equals(type) || "multiselect".equals(type)) {
      options = "a\nb";
    }
  }

  boolean isSubform() {
    return "subform".equals(type);
  }

  FieldDefinition toDefinition() {
    List<FieldDefinition.Option> choices = new ArrayList<>();
    for (String line : options.split("\n")) {
      if (!line.isBlank() && ("select".equals(type) || "multiselect".equals(type))) {
        int eq = line.indexOf('=');
        String value = (eq < 0 ? line : line.substring(0, eq)).trim();
        choices.add(new FieldDefinition.Option(value, eq < 0 ? value : line.substring(eq + 1).trim()));
      }
    }
    FieldDefinition.RelationTarget target = "relation".equals(type)
        ? new FieldDefinition.RelationTarget(targetForm.trim(), blankToNull(targetDisplay)) : null;
    return new FieldDefinition(key.trim(), type, blankToNull(label), blankToNull(help), required, unique, indexed,
        null, maxLength, min, max, null, null, choices, fields.stream().map(DesignField::toDefinition).toList(),
        target, "serial".equals(type) ? blankToNull(pattern) : null, blankToNull(formula), defaultNode());
  }

  Optional<FormRule> visibility() {
    return visibleWhen.isBlank() ? Optional.empty() : Optional.of(new FormRule("visible", key.trim(), visibleWhen.trim(), null));
  }

  private @Nullable JsonNode defaultNode() {
    String text = defaultValue.trim();
    if (text.isEmpty()) {
      return null;
    }
    return switch (type) {
      case "number", "money" -> {
        try {
          yield Json.MAPPER.getNodeFactory().numberNode(new BigDecimal(text));
        } catch (NumberFormatException e) {
          yield Json.MAPPER.getNodeFactory().stringNode(text); // the engine names the problem
        }
      }
      case "boolean" -> Json.MAPPER.getNodeFactory().booleanNode(Boolean.parseBoolean(text));
      default -> Json.MAPPER.getNodeFactory().stringNode(text);
    };
  }

  static DesignField of(FieldDefinition field, List<FormRule> rules) {
    DesignField d = new DesignField(field.key(), field.type());
    d.label = nz(field.label());
    d.help = nz(field.help());
    d.required = field.required();
    d.unique = field.unique();
    d.indexed = field.indexed();
    d.maxLength = field.maxLength();
    d.min = field.min();
    d.max = field.max();
    d.options = String.join("\n", field.options().stream()
        .map(o -> o.value().equals(o.label()) ? o.value() : o.value() + "=" + o.label()).toList());
    d.formula = nz(field.formula());
    d.defaultValue = field.defaultValue() == null ? "" : field.defaultValue().isString() ? field.defaultValue().asString()
        : field.defaultValue().toString();
    d.pattern = nz(field.pattern());
    if (field.target() != null) {
      d.targetForm = field.target().form();
      d.targetDisplay = nz(field.target().display());
    }
    rules.stream().filter(r -> "visible".equals(r.type()) && field.key().equals(r.field())).findFirst()
        .ifPresent(r -> d.visibleWhen = r.when());
    field.fields().forEach(c -> d.fields.add(of(c, List.of())));
    return d;
  }

  private static String nz(@Nullable String text) {
    return text == null ? "" : text;
  }

  private static @Nullable String blankToNull(String text) {
    return text.isBlank() ? null : text.trim();
  }
}
