package dev.tangram.runtime.api;

import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Strict reading of small request bodies: an object, no unknown members, typed values. */
public final class RequestBodies {

  private RequestBodies() {}

  /** Throws listing every member of {@code body} not in {@code allowed}, or if it is no object. */
  public static JsonNode object(@Nullable JsonNode body, Set<String> allowed) {
    if (body == null || !body.isObject()) {
      throw ValidationException.of("body", "type", "The request body must be a JSON object");
    }
    List<FieldError> errors = new ArrayList<>();
    for (String name : body.propertyNames()) {
      if (!allowed.contains(name)) {
        errors.add(new FieldError(name, "unknownField", "Unknown member '" + name + "'; allowed: " + String.join(", ", allowed.stream().sorted().toList())));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return body;
  }

  public static @Nullable String optionalString(JsonNode body, String name) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      throw ValidationException.of(name, "type", "'" + name + "' must be a string");
    }
    return value.asString();
  }

  public static String requiredString(JsonNode body, String name) {
    String value = optionalString(body, name);
    if (value == null || value.isBlank()) {
      throw ValidationException.of(name, "required", "'" + name + "' is required");
    }
    return value;
  }
}
