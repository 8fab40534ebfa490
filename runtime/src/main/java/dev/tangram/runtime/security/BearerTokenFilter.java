package dev.tangram.runtime.security;

import dev.tangram.engine.access.Actor;
import dev.tangram.engine.access.DirectoryUser;
import dev.tangram.engine.access.OrgDirectory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer tgm_…}. The token's scopes become {@code SCOPE_*}
 * authorities and the owner's roles {@code ROLE_*}; the engine's {@link Actor} rides along as the
 * authentication's details, so the user is read once per request. An unknown, expired or revoked
 * token, or a disabled owner, leaves the request anonymous, which the API answers with 401.
 */
class BearerTokenFilter extends OncePerRequestFilter {

  private final ApiTokenService tokens;
  private final OrgDirectory directory;
  private final SecurityContextHolderStrategy contexts;

  /**
   * @param contexts the application context's holder strategy (Vaadin installs its own), the one
   *                 the authorization filter reads; the static holder may belong to another context
   */
  BearerTokenFilter(ApiTokenService tokens, OrgDirectory directory, SecurityContextHolderStrategy contexts) {
    this.tokens = tokens;
    this.directory = directory;
    this.contexts = contexts;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      tokens.authenticate(header.substring(7).trim()).ifPresent(token -> directory.findUser(token.username())
          .filter(DirectoryUser::enabled)
          .ifPresent(user -> {
            List<GrantedAuthority> authorities = new ArrayList<>();
            user.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r)));
            token.scopes().forEach(s -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + s)));
            var authentication = UsernamePasswordAuthenticationToken.authenticated(user.username(), null, authorities);
            authentication.setDetails(Actor.user(user.username(), Set.copyOf(user.roles()), user.departments()));
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(authentication);
            contexts.setContext(context);
          }));
    }
    chain.doFilter(request, response);
  }
}
