package dev.tangram.engine.forms;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One field of a form. Which attributes apply depends on {@link #type()}; the field type
 * ({@link dev.tangram.engine.forms.fields.FieldType}) says which and checks them.
 *
 * @param key          {@code [a-zA-Z][a-zA-Z0-9_]*}, unique within its form or subform
 * @param type         a registered field type name, e.g. {@code text}, {@code money}, {@code subform}
 * @param options      choices of {@code select}/{@code multiselect}
 * @param fields       the row fields of a {@code subform}
 * @param target       the form a {@code relation} points at
 * @param pattern      the numbering pattern of a {@code serial}, e.g. {@code EXP-{yyyyMMdd}-{seq:4}}
 * @param formula      a JavaScript expression computed on the server (stored and shape-checked here)
 * @param defaultValue a literal value of the field's type used when a submit leaves the field out
 * @param scale        decimal places of {@code number}/{@code money} (money defaults to 2)
 * @param maxItems     most rows/files/choices of a list-valued field
 */
public record FieldDefinition(
    String key,
    String type,
    @Nullable String label,
    @Nullable String help,
    boolean required,
    boolean unique,
    boolean indexed,
    @Nullable Integer minLength,
    @Nullable Integer maxLength,
    @Nullable BigDecimal min,
    @Nullable BigDecimal max,
    @Nullable Integer scale,
    @Nullable Integer maxItems,
    List<Option> options,
    List<FieldDefinition> fields,
    @Nullable RelationTarget target,
    @Nullable String pattern,
    @Nullable String formula,
    @Nullable JsonNode defaultValue) {

  public FieldDefinition {
    options = List.copyOf(options);
    fields = List.copyOf(fields);
  }

  /** The label people see, falling back to the key. */
  public String displayName() {
    return label == null || label.isBlank() ? key : label;
  }

  /** True for values the server computes; a client's value for them is ignored. */
  public boolean isComputed() {
    return formula != null || "serial".equals(type);
  }

  /** A choice of a select field: the stored {@code value} and the {@code label} shown. */
  public record Option(String value, String label) {}

  /** The target of a relation field: a form of the same app and the field shown for a record. */
  public record RelationTarget(String form, @Nullable String display) {}
}
