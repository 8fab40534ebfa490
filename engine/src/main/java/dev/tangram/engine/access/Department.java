package dev.tangram.engine.access;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A node of the department tree.
 *
 * @param parent the parent department's id; null for a top-level department
 * @param heads  usernames of the department's heads (负责人), used by approver rules
 */
public record Department(String id, String name, @Nullable String parent, List<String> heads) {

  public Department {
    heads = List.copyOf(heads);
  }
}
