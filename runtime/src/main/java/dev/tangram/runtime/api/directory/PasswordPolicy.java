package dev.tangram.runtime.api.directory;

import dev.tangram.engine.common.ValidationException;
import org.jspecify.annotations.Nullable;

/** The passwords we accept: 10 to 200 characters (length beats composition rules, per NIST 800-63B). */
final class PasswordPolicy {

  static final int MIN = 10;
  static final int MAX = 200;

  private PasswordPolicy() {}

  static void check(@Nullable String password) {
    if (password != null && (password.length() < MIN || password.length() > MAX)) {
      throw ValidationException.of("password", "length", "A password has " + MIN + " to " + MAX + " characters");
    }
  }
}
