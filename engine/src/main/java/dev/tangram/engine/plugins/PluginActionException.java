package dev.tangram.engine.plugins;

import org.jspecify.annotations.Nullable;

/**
 * A plugin refused its input for a business reason. {@code code} is machine-readable (e.g.
 * {@code BOM_CYCLE}, {@code PERIOD_CLOSED}); {@code field} names the offending input path where
 * there is one. The API maps it to 422 with {@code {"errors":[{field, code, message}]}}.
 */
public class PluginActionException extends RuntimeException {

  private final String code;
  private final @Nullable String field;

  public PluginActionException(String code, @Nullable String field, String message) {
    super(message);
    this.code = code;
    this.field = field;
  }

  public String code() {
    return code;
  }

  public @Nullable String field() {
    return field;
  }
}
