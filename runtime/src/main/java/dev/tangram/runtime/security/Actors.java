package dev.tangram.runtime.security;

import dev.tangram.engine.access.Actor;
import dev.tangram.engine.access.DirectoryUser;
import dev.tangram.engine.access.OrgDirectory;
import java.security.Principal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/** Turns the authenticated caller into the engine's {@link Actor}: roles and departments from the directory. */
@Component
public class Actors {

  private final OrgDirectory directory;

  Actors(OrgDirectory directory) {
    this.directory = directory;
  }

  public Actor of(Principal principal) {
    if (principal instanceof Authentication authentication && authentication.getDetails() instanceof Actor known) {
      return known; // set by the bearer filter, which already read the user
    }
    Set<String> roles = new HashSet<>();
    if (principal instanceof Authentication authentication) {
      for (GrantedAuthority authority : authentication.getAuthorities()) {
        String name = authority.getAuthority();
        if (name != null && name.startsWith("ROLE_")) {
          roles.add(name.substring(5));
        }
      }
    }
    List<String> departments = directory.findUser(principal.getName()).map(DirectoryUser::departments).orElse(List.of());
    return Actor.user(principal.getName(), roles, departments);
  }
}
