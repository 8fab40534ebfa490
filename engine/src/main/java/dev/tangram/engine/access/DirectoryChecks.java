package dev.tangram.engine.access;

import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.Keys;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Shape checks of directory entries, every problem listed. */
final class DirectoryChecks {

  /** Roles the platform itself knows; they need no entry in {@code _roles}. */
  static final Set<String> BUILT_IN_ROLES = Set.of("ADMIN");
  static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.@\\-]{1,64}");
  static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private DirectoryChecks() {}

  static List<FieldError> user(DirectoryUser user) {
    List<FieldError> errors = new ArrayList<>();
    if (user.username() == null || !USERNAME.matcher(user.username()).matches()) {
      errors.add(new FieldError("username", "pattern", "A username has 1 to 64 letters, digits or _ . @ -"));
    }
    text(errors, "displayName", user.displayName(), 100, true);
    if (user.email() != null && (user.email().length() > 254 || !EMAIL.matcher(user.email()).matches())) {
      errors.add(new FieldError("email", "format", "'" + user.email() + "' is not an email address"));
    }
    if (user.phone() != null && !user.phone().matches("\\+?[0-9][0-9 ()\\-]{2,31}")) {
      errors.add(new FieldError("phone", "pattern", "'" + user.phone() + "' is not a phone number"));
    }
    return errors;
  }

  static List<FieldError> department(Department department) {
    List<FieldError> errors = new ArrayList<>();
    if (department.id() == null || !Keys.isValid(department.id())) {
      errors.add(new FieldError("id", "pattern", "A department id is a letter, then letters, digits or _ (at most 64)"));
    }
    text(errors, "name", department.name(), 100, true);
    return errors;
  }

  static List<FieldError> role(Role role) {
    List<FieldError> errors = new ArrayList<>();
    if (role.key() == null || !Keys.isValid(role.key()) || BUILT_IN_ROLES.contains(role.key())) {
      errors.add(new FieldError("key", "pattern", "A role key is a letter, then letters, digits or _ (and not a built-in role)"));
    }
    text(errors, "name", role.name(), 100, true);
    text(errors, "description", role.description(), 500, false);
    return errors;
  }

  private static void text(List<FieldError> errors, String field, String value, int max, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        errors.add(new FieldError(field, "required", "'" + field + "' is required"));
      }
    } else if (value.length() > max) {
      errors.add(new FieldError(field, "maxLength", "'" + field + "' is longer than " + max + " characters"));
    }
  }
}
