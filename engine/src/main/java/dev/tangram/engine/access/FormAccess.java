package dev.tangram.engine.access;

import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/**
 * What one actor may do with one form's records, resolved from the grants they hold: per
 * operation the rows reachable (as a MongoDB filter and as a check on one record), and per field
 * the most permissive access any held grant gives.
 */
public final class FormAccess {

  private final Actor actor;
  private final Map<Operation, Set<RowScope>> scopes;
  private final Map<String, FieldAccess> fields;
  private final Set<String> reachableDepartments;
  private final Set<String> ownDepartments;

  FormAccess(Actor actor, Map<Operation, Set<RowScope>> scopes, Map<String, FieldAccess> fields,
      Set<String> ownDepartments, Set<String> reachableDepartments) {
    this.actor = actor;
    this.scopes = scopes;
    this.fields = fields;
    this.ownDepartments = ownDepartments;
    this.reachableDepartments = reachableDepartments;
  }

  /** Everything, everywhere: app admins, platform admins and the system. */
  static FormAccess unconstrained(Actor actor) {
    Map<Operation, Set<RowScope>> all = new EnumMap<>(Operation.class);
    for (Operation operation : Operation.values()) {
      all.put(operation, Set.of(RowScope.ALL));
    }
    return new FormAccess(actor, all, Map.of(), Set.of(), Set.of());
  }

  public Actor actor() {
    return actor;
  }

  public boolean can(Operation operation) {
    return !scopes.getOrDefault(operation, Set.of()).isEmpty();
  }

  /** The rows {@code operation} reaches, as a filter; null when it reaches every row. */
  public @Nullable Bson rowFilter(Operation operation) {
    Set<RowScope> granted = scopes.getOrDefault(operation, Set.of());
    if (granted.contains(RowScope.ALL)) {
      return null;
    }
    List<Bson> any = new ArrayList<>();
    if (granted.contains(RowScope.OWN)) {
      any.add(Filters.eq("createdBy", actor.username()));
    }
    if (granted.contains(RowScope.DEPARTMENT)) {
      any.add(Filters.in("ownerDepartment", ownDepartments));
    }
    if (granted.contains(RowScope.DEPARTMENT_AND_BELOW)) {
      any.add(Filters.in("ownerDepartment", reachableDepartments));
    }
    return any.isEmpty() ? Filters.eq("_id", "no rows") : Filters.or(any);
  }

  /** Whether {@code operation} reaches this stored record. */
  public boolean reaches(Operation operation, Document record) {
    Set<RowScope> granted = scopes.getOrDefault(operation, Set.of());
    String owner = record.getString("createdBy");
    String department = record.getString("ownerDepartment");
    return granted.contains(RowScope.ALL)
        || (granted.contains(RowScope.OWN) && actor.username().equals(owner))
        || (granted.contains(RowScope.DEPARTMENT) && department != null && ownDepartments.contains(department))
        || (granted.contains(RowScope.DEPARTMENT_AND_BELOW) && department != null && reachableDepartments.contains(department));
  }

  /** The access to a field; fields no grant mentions are editable. */
  public FieldAccess field(String key) {
    return fields.getOrDefault(key, FieldAccess.EDIT);
  }

  static Map<String, FieldAccess> mostPermissive(List<Grant> held) {
    Map<String, FieldAccess> result = new HashMap<>();
    Set<String> mentioned = new java.util.HashSet<>();
    held.forEach(g -> mentioned.addAll(g.fields().keySet()));
    for (String key : mentioned) {
      FieldAccess best = FieldAccess.HIDDEN;
      for (Grant grant : held) {
        FieldAccess access = grant.fields().getOrDefault(key, FieldAccess.EDIT);
        if (access.ordinal() < best.ordinal()) {
          best = access; // EDIT < READ < HIDDEN in declaration order
        }
      }
      result.put(key, best);
    }
    return result;
  }
}
