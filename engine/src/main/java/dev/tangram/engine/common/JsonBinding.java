package dev.tangram.engine.common;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;

/**
 * The one way JSON input becomes a typed record: strictly (unknown members refused, decimals
 * exact), with a mismatch reported as a field error naming the path, e.g. {@code lines[2].qty}.
 */
public final class JsonBinding {

  private JsonBinding() {}

  public static <T> T bind(JsonNode input, Class<T> type) {
    try {
      T value = Json.MAPPER.treeToValue(input, type);
      if (value == null) {
        throw ValidationException.of("body", "required", "A JSON object is required");
      }
      return value;
    } catch (DatabindException e) {
      String path = e.getPath().stream()
          .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
          .reduce("", (a, b) -> b.startsWith("[") || a.isEmpty() ? a + b : a + "." + b);
      String code = e.getOriginalMessage().startsWith("Unrecognized") ? "unknownField" : "invalidInput";
      throw new ValidationException(List.of(new FieldError(path, code, e.getOriginalMessage().lines().findFirst().orElse(""))));
    } catch (JacksonException e) {
      throw new ValidationException(List.of(new FieldError("", "invalidInput", e.getOriginalMessage())));
    }
  }
}
