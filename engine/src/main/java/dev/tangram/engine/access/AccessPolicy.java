package dev.tangram.engine.access;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides what an actor may do with a form: platform admins, the system and the app's admins may do
 * everything; members get what the form's grants they hold allow; anyone else nothing.
 */
public final class AccessPolicy {

  private final AccessSettings settings;
  private final OrgDirectory directory;

  public AccessPolicy(AccessSettings settings, OrgDirectory directory) {
    this.settings = settings;
    this.directory = directory;
  }

  public FormAccess forForm(Actor actor, String app, String form) {
    if (actor.unconstrained()) {
      return FormAccess.unconstrained(actor);
    }
    AccessSettings.AppRoles roles = settings.appRoles(app);
    if (holdsAny(actor, roles.admins())) {
      return FormAccess.unconstrained(actor);
    }
    if (!holdsAny(actor, roles.members())) {
      return new FormAccess(actor, Map.of(), Map.of(), Set.of(), Set.of());
    }
    List<Grant> held = new ArrayList<>();
    for (Grant grant : settings.grants(app, form)) {
      if (grant.heldBy(actor)) {
        held.add(grant);
      }
    }
    Map<Operation, Set<RowScope>> scopes = new EnumMap<>(Operation.class);
    for (Grant grant : held) {
      for (Operation operation : grant.operations()) {
        scopes.computeIfAbsent(operation, o -> EnumSet.noneOf(RowScope.class)).add(grant.scope());
      }
    }
    Set<String> own = new HashSet<>(actor.departments());
    Set<String> reachable = new HashSet<>(own);
    if (held.stream().anyMatch(g -> g.scope() == RowScope.DEPARTMENT_AND_BELOW)) {
      reachable.addAll(directory.descendantsOf(own));
    }
    return new FormAccess(actor, scopes, FormAccess.mostPermissive(held), own, reachable);
  }

  /** Whether the actor is an admin of the app (or of the whole platform). */
  public boolean isAppAdmin(Actor actor, String app) {
    return actor.unconstrained() || holdsAny(actor, settings.appRoles(app).admins());
  }

  /** Whether the actor is a member or an admin of the app (or a platform admin). */
  public boolean isAppMember(Actor actor, String app) {
    AccessSettings.AppRoles roles = settings.appRoles(app);
    return actor.unconstrained() || holdsAny(actor, roles.admins()) || holdsAny(actor, roles.members());
  }

  private static boolean holdsAny(Actor actor, List<String> holders) {
    return holders.stream().anyMatch(h -> new Grant(h, Set.of(Operation.VIEW), RowScope.OWN, null).heldBy(actor));
  }
}
