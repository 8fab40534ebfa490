package dev.tangram.runtime.api.directory;

import dev.tangram.engine.common.ValidationException;
import org.jspecify.annotations.Nullable;

/** The passwords we accept: 10 to 200 characters (length beats composition rules, per NIST 800-63B). */
public final class PasswordPolicy {

  static final int MIN = 10;
  static final int MAX = 200;

  private PasswordPolicy() {}

  public static final String RULE = "A password has " + MIN + " to " + MAX + " characters";

  public static boolean acceptable(String password) {
    return password.length() >= MIN && password.length() <= MAX;
  }

  public static void check(@Nullable String password) {
    if (password != null && !acceptable(password)) {
      throw ValidationException.of("password", "length", RULE);
    }
  }
}
