package dev.tangram.engine.common;

import java.util.regex.Pattern;

/** The one rule for keys of apps, forms and fields: {@code [a-zA-Z][a-zA-Z0-9_]*}, at most 64 chars. */
public final class Keys {

  private static final Pattern KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");

  private Keys() {}

  public static boolean isValid(String key) {
    return KEY.matcher(key).matches();
  }

  /** Throws a field-level {@link ValidationException} unless {@code key} is a valid key. */
  public static String require(String field, String key) {
    if (!isValid(key)) {
      throw ValidationException.of(field, "pattern",
          "'" + key + "' is not a valid key: use a letter, then letters, digits or _ (at most 64)");
    }
    return key;
  }
}
