package dev.tangram.engine.forms.fields;

import dev.tangram.engine.common.Json;
import dev.tangram.engine.forms.FieldDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code select} (one option) and {@code multiselect} (several distinct options). */
final class ChoiceFieldType extends AbstractFieldType {

  static final int MAX_OPTIONS = 500;
  private final boolean multiple;

  private ChoiceFieldType(String name, boolean multiple) {
    super(name, multiple ? Set.of("options", "maxItems") : Set.of("options"));
    this.multiple = multiple;
  }

  static ChoiceFieldType select() {
    return new ChoiceFieldType("select", false);
  }

  static ChoiceFieldType multiselect() {
    return new ChoiceFieldType("multiselect", true);
  }

  @Override
  public void check(FieldDefinition field, String path, DefinitionProblems problems) {
    if (field.options().isEmpty()) {
      problems.add(path + ".options", "required", "Field '" + field.key() + "' needs at least one option");
    }
    if (field.options().size() > MAX_OPTIONS) {
      problems.add(path + ".options", "maxItems", "Field '" + field.key() + "' has more than " + MAX_OPTIONS + " options");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < field.options().size(); i++) {
      String value = field.options().get(i).value();
      if (value.isBlank()) {
        problems.add(path + ".options[" + i + "]", "blank", "Option " + (i + 1) + " of '" + field.key() + "' is empty");
      } else if (!seen.add(value)) {
        problems.add(path + ".options[" + i + "]", "duplicate", "Option '" + value + "' of '" + field.key() + "' appears twice");
      }
    }
    checkMaxItems(field, path, problems, MAX_OPTIONS);
  }

  @Override
  public ObjectNode schema(FieldDefinition field) {
    ArrayNode values = Json.MAPPER.createArrayNode();
    field.options().forEach(o -> values.add(o.value()));
    ObjectNode single = typed("string");
    single.set("enum", values);
    if (!multiple) {
      return single;
    }
    return list(single, field.maxItems() != null ? field.maxItems() : field.options().size(), field.required())
        .put("uniqueItems", true);
  }

  @Override
  public Object toStored(JsonNode value, FieldDefinition field) {
    if (!multiple) {
      return value.asString();
    }
    List<String> values = new ArrayList<>();
    value.forEach(v -> values.add(v.asString()));
    return values;
  }
}
