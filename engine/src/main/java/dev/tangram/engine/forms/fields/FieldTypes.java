package dev.tangram.engine.forms.fields;

import dev.tangram.engine.common.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The registry of field types: a map from type name to its one implementation. */
public final class FieldTypes {

  /** Attributes every field accepts, whatever its type. */
  public static final Set<String> COMMON_ATTRIBUTES = Set.of(
      "key", "type", "label", "help", "required", "unique", "indexed", "formula", "default");

  private static final Map<String, FieldType> TYPES = List.of(
          TextFieldType.text(), TextFieldType.textarea(), DecimalFieldType.number(), DecimalFieldType.money(),
          new BooleanFieldType(), TemporalFieldType.date(), TemporalFieldType.dateTime(),
          ChoiceFieldType.select(), ChoiceFieldType.multiselect(), TextFieldType.email(), TextFieldType.phone(),
          TextFieldType.directoryReference("user"), TextFieldType.directoryReference("department"),
          FileFieldType.attachment(), FileFieldType.image(), new SubformFieldType(), new RelationFieldType(),
          new SerialFieldType())
      .stream()
      .collect(Collectors.toUnmodifiableMap(FieldType::name, Function.identity()));

  private FieldTypes() {}

  public static Optional<FieldType> find(String name) {
    return Optional.ofNullable(TYPES.get(name));
  }

  public static FieldType get(String name) {
    return find(name).orElseThrow(() -> new NotFoundException("type", "There is no field type '" + name + "'"));
  }

  /** Every type name, sorted, for error messages and the designer's palette. */
  public static List<String> names() {
    return TYPES.keySet().stream().sorted().toList();
  }
}
