package dev.tangram.runtime.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer tgm_…}. The token's scopes become {@code SCOPE_*}
 * authorities and the owner's roles {@code ROLE_*}; an unknown, expired or revoked token leaves
 * the request anonymous, which the API answers with 401.
 */
class BearerTokenFilter extends OncePerRequestFilter {

  private final ApiTokenService tokens;
  private final UserAccounts users;

  BearerTokenFilter(ApiTokenService tokens, UserAccounts users) {
    this.tokens = tokens;
    this.users = users;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      tokens.authenticate(header.substring(7).trim()).ifPresent(token -> users.find(token.username())
          .filter(u -> u.isEnabled())
          .ifPresent(user -> {
            List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
            token.scopes().forEach(s -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + s)));
            SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user.getUsername(), null, authorities));
          }));
    }
    chain.doFilter(request, response);
  }
}
