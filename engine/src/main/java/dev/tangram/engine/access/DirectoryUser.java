package dev.tangram.engine.access;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A person in the org directory. Credentials are not part of it (the runtime keeps them).
 *
 * @param departments ids of the departments the user belongs to; the first is the main one
 * @param roles       keys of the roles the user has
 */
public record DirectoryUser(
    String username, String displayName, @Nullable String email, @Nullable String phone,
    List<String> departments, List<String> roles, boolean enabled) {

  public DirectoryUser {
    departments = List.copyOf(departments);
    roles = List.copyOf(roles);
  }
}
