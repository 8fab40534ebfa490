package dev.tangram.engine.forms.fields;

import dev.tangram.engine.forms.FieldDefinition;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * String-valued fields: {@code text}, {@code textarea}, {@code email}, {@code phone}, and the
 * directory references {@code user} and {@code department}. They differ in their default and
 * largest length and in the format or pattern their values must match.
 */
final class TextFieldType extends AbstractFieldType {

  private final int defaultMaxLength;
  private final int ceiling;
  private final @Nullable String format;
  private final @Nullable String pattern;

  private TextFieldType(String name, Set<String> attributes, int defaultMaxLength, int ceiling,
      @Nullable String format, @Nullable String pattern) {
    super(name, attributes);
    this.defaultMaxLength = defaultMaxLength;
    this.ceiling = ceiling;
    this.format = format;
    this.pattern = pattern;
  }

  static TextFieldType text() {
    return new TextFieldType("text", Set.of("minLength", "maxLength"), 200, 2_000, null, null);
  }

  static TextFieldType textarea() {
    return new TextFieldType("textarea", Set.of("minLength", "maxLength"), 10_000, 100_000, null, null);
  }

  static TextFieldType email() {
    return new TextFieldType("email", Set.of(), 254, 254, "email", null);
  }

  static TextFieldType phone() {
    return new TextFieldType("phone", Set.of(), 32, 32, null, "^\\+?[0-9][0-9 ()\\-]{2,31}$");
  }

  /** A username or department id; existence is checked against the org directory. */
  static TextFieldType directoryReference(String name) {
    return new TextFieldType(name, Set.of(), 64, 64, null, "^[A-Za-z0-9_.@\\-]{1,64}$");
  }

  @Override
  public void check(FieldDefinition field, String path, DefinitionProblems problems) {
    checkLengths(field, path, problems, ceiling);
  }

  @Override
  public ObjectNode schema(FieldDefinition field) {
    ObjectNode schema = typed("string");
    int max = field.maxLength() != null ? field.maxLength() : defaultMaxLength;
    schema.put("maxLength", max);
    int min = field.minLength() != null ? field.minLength() : 0;
    if (field.required()) {
      min = Math.max(min, 1);
    }
    if (min > 0) {
      schema.put("minLength", min);
    }
    if (format != null) {
      schema.put("format", format);
    }
    if (pattern != null) {
      schema.put("pattern", pattern);
    }
    return schema;
  }
}
