package dev.tangram.runtime.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/** Username and password for the browser's form login, with the same lock-out as the API login. */
@Component
class ThrottledPasswordAuthentication implements AuthenticationProvider {

  private final PasswordLogin login;

  ThrottledPasswordAuthentication(PasswordLogin login) {
    this.login = login;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    PasswordLogin.Outcome outcome = login.attempt(authentication.getName(), String.valueOf(authentication.getCredentials()), "form login");
    if (outcome.lockedUntil().isPresent()) {
      throw new LockedException("Too many wrong passwords; try again later");
    }
    UserDetails user = outcome.user().orElseThrow(() -> new BadCredentialsException("Wrong username or password"));
    return UsernamePasswordAuthenticationToken.authenticated(user.getUsername(), null, user.getAuthorities());
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
