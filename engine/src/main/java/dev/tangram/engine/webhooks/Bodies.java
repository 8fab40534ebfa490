package dev.tangram.engine.webhooks;

import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Strict reading of the small JSON bodies of subscriptions and triggers. */
final class Bodies {

  private Bodies() {}

  static void requireObject(@Nullable JsonNode body, Set<String> allowed) {
    if (body == null || !body.isObject()) {
      throw ValidationException.of("body", "type", "The body must be a JSON object");
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
  }

  /** The string member, or null (with an error added if it is required or not a string). */
  static @Nullable String string(JsonNode body, String name, boolean required, List<FieldError> errors) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      if (required) {
        errors.add(new FieldError(name, "required", "'" + name + "' is required"));
      }
      return null;
    }
    if (!value.isString() || (required && value.asString().isBlank())) {
      errors.add(new FieldError(name, "type", "'" + name + "' must be a non-empty string"));
      return null;
    }
    return value.asString();
  }
}
