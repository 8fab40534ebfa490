package dev.tangram.engine.access;

import java.util.List;
import java.util.Set;

/**
 * Who performs an engine operation: a signed-in user (with roles and departments from the
 * directory) or the system itself. Every record operation takes one, so permissions are applied
 * unless a caller explicitly asks for {@link #system(String)}.
 *
 * @param departments the user's departments, main one first
 * @param platformAdmin holds the built-in {@code ADMIN} role: every app, every form, every row
 */
public record Actor(String username, Set<String> roles, List<String> departments, boolean platformAdmin, boolean system) {

  public Actor {
    roles = Set.copyOf(roles);
    departments = List.copyOf(departments);
  }

  public static Actor user(String username, Set<String> roles, List<String> departments) {
    return new Actor(username, roles, departments, roles.contains("ADMIN"), false);
  }

  /**
   * The engine acting on its own behalf (rules, plugins, recovery): unconstrained by permissions.
   * {@code name} says which part, e.g. {@code rule:stockMoves}, and is recorded as the author.
   */
  public static Actor system(String name) {
    return new Actor(name, Set.of(), List.of(), true, true);
  }

  public boolean unconstrained() {
    return platformAdmin || system;
  }
}
