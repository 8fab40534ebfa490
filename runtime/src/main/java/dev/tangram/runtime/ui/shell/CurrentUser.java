package dev.tangram.runtime.ui.shell;

import dev.tangram.engine.access.Actor;
import dev.tangram.runtime.security.Actors;
import org.springframework.security.core.Authentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/** The logged-in user of the current UI request as the engine's {@link Actor}. */
@Component
public class CurrentUser {

  private final Actors actors;
  private final SecurityContextHolderStrategy contexts;

  /** @param contexts this application context's holder strategy (see BearerTokenFilter), not the static one */
  CurrentUser(Actors actors, ObjectProvider<SecurityContextHolderStrategy> contexts) {
    this.actors = actors;
    this.contexts = contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
  }

  public Actor actor() {
    return actors.of(authentication());
  }

  public String username() {
    return authentication().getName();
  }

  public boolean isAdmin() {
    return actor().platformAdmin();
  }

  private Authentication authentication() {
    Authentication authentication = contexts.getContext().getAuthentication();
    if (authentication == null) {
      throw new IllegalStateException("No logged-in user on this UI request");
    }
    return authentication;
  }
}
