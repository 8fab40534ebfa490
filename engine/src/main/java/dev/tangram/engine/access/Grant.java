package dev.tangram.engine.access;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A permission on one form: to whom, which operations, on which rows, with which field access
 * (fields not listed are {@link FieldAccess#EDIT}).
 *
 * @param to the holder: {@code user:alice}, {@code role:finance}, {@code department:sales} or {@code everyone}
 */
public record Grant(String to, Set<Operation> operations, RowScope scope, @Nullable Map<String, FieldAccess> fields) {

  public Grant {
    operations = Set.copyOf(operations);
    fields = fields == null ? Map.of() : Map.copyOf(fields);
  }

  /** Whether {@code actor} holds this grant. */
  public boolean heldBy(Actor actor) {
    if (to.equals("everyone")) {
      return true;
    }
    int colon = to.indexOf(':');
    if (colon < 0) {
      return false;
    }
    String id = to.substring(colon + 1);
    return switch (to.substring(0, colon)) {
      case "user" -> actor.username().equals(id);
      case "role" -> actor.roles().contains(id);
      case "department" -> actor.departments().contains(id);
      default -> false;
    };
  }
}
