package dev.tangram.engine.forms.internal;

import dev.tangram.engine.forms.fields.DefinitionProblems;
import java.math.BigDecimal;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Typed reads of definition attributes that report a wrong type as a problem instead of throwing. */
final class JsonReading {

  private final DefinitionProblems problems;

  JsonReading(DefinitionProblems problems) {
    this.problems = problems;
  }

  void refuseUnknown(JsonNode node, String path, Set<String> allowed, String what) {
    for (String name : node.propertyNames()) {
      if (!allowed.contains(name)) {
        problems.add(join(path, name), "unknownField", what + " has no attribute '" + name + "'");
      }
    }
  }

  @Nullable String string(JsonNode node, String name, String path, int maxLength) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      problems.add(join(path, name), "type", "'" + name + "' must be a string");
      return null;
    }
    if (value.asString().length() > maxLength) {
      problems.add(join(path, name), "maxLength", "'" + name + "' is longer than " + maxLength + " characters");
    }
    return value.asString();
  }

  boolean bool(JsonNode node, String name, String path) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      problems.add(join(path, name), "type", "'" + name + "' must be true or false");
      return false;
    }
    return value.asBoolean();
  }

  @Nullable Integer integer(JsonNode node, String name, String path) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      problems.add(join(path, name), "type", "'" + name + "' must be a whole number");
      return null;
    }
    return value.asInt();
  }

  @Nullable BigDecimal decimal(JsonNode node, String name, String path) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber()) {
      problems.add(join(path, name), "type", "'" + name + "' must be a number");
      return null;
    }
    return value.decimalValue();
  }

  static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
