package dev.tangram.engine.templates.internal;

import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.templates.TemplatePackage;
import dev.tangram.engine.templates.TemplatePackage.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The values an admin gives a template's parameters, checked against their declared types. */
public final class ParameterValues {

  /** Text parameters end up inside scripts and conditions, so they are plain words, not code. */
  private static final Pattern SAFE_TEXT = Pattern.compile("[\\p{L}\\p{N} _.\\-]{0,100}");

  private ParameterValues() {}

  /** Every parameter's value: given, else the current one, else its default; one error lists every problem. */
  public static Map<String, JsonNode> resolve(TemplatePackage pkg, @Nullable JsonNode given, Map<String, JsonNode> current) {
    List<FieldError> errors = new ArrayList<>();
    Map<String, JsonNode> values = new LinkedHashMap<>();
    if (given != null && !given.isNull() && !given.isObject()) {
      throw ValidationException.of("params", "type", "'params' is an object: parameter key → value");
    }
    if (given != null && given.isObject()) {
      given.propertyNames().stream().filter(n -> pkg.parameters().stream().noneMatch(p -> p.key().equals(n)))
          .forEach(n -> errors.add(new FieldError("params." + n, "unknown", "Template '" + pkg.key() + "' has no parameter '" + n + "'")));
    }
    for (Parameter p : pkg.parameters()) {
      JsonNode value = given != null && given.has(p.key()) ? given.get(p.key())
          : current.containsKey(p.key()) ? current.get(p.key()) : p.defaultValue();
      if (value == null || value.isNull()) {
        if (p.required()) {
          errors.add(new FieldError("params." + p.key(), "required", "Parameter '" + p.key() + "' needs a value"));
        }
        values.put(p.key(), neutral(p));
        continue;
      }
      problem(p, value).ifPresent(m -> errors.add(new FieldError("params." + p.key(), "invalid", m)));
      values.put(p.key(), value);
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return values;
  }

  static Optional<String> problem(Parameter p, JsonNode value) {
    boolean ok = switch (p.type()) {
      case "number", "money" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      case "select" -> value.isString() && p.options().contains(value.asString());
      default -> value.isString() && SAFE_TEXT.matcher(value.asString()).matches();
    };
    if (ok) {
      return Optional.empty();
    }
    String expected = switch (p.type()) {
      case "number", "money" -> "a number";
      case "boolean" -> "true or false";
      case "select" -> "one of " + p.options();
      default -> "up to 100 letters, digits, spaces or _ . -";
    };
    return Optional.of("Parameter '" + p.key() + "' must be " + expected + ", not " + value);
  }

  static JsonNode neutral(Parameter p) {
    return switch (p.type()) {
      case "number", "money" -> Json.MAPPER.getNodeFactory().numberNode(0);
      case "boolean" -> Json.MAPPER.getNodeFactory().booleanNode(false);
      case "select" -> Json.MAPPER.getNodeFactory().stringNode(p.options().isEmpty() ? "" : p.options().getFirst());
      default -> Json.MAPPER.getNodeFactory().stringNode("");
    };
  }
}
