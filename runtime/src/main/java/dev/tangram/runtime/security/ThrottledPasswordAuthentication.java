package dev.tangram.runtime.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Username and password for the browser's form login, with the same lock-out as the API login. */
@Component
class ThrottledPasswordAuthentication implements AuthenticationProvider {

  private final UserAccounts users;
  private final LoginThrottle throttle;

  ThrottledPasswordAuthentication(UserAccounts users, LoginThrottle throttle) {
    this.users = users;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String username = authentication.getName();
    if (throttle.lockedUntil(username).isPresent()) {
      throw new LockedException("Too many wrong passwords; try again later");
    }
    String password = String.valueOf(authentication.getCredentials());
    return users.authenticate(username, password)
        .map(user -> {
          throttle.succeeded(username);
          return (Authentication) UsernamePasswordAuthenticationToken.authenticated(user.getUsername(), null, user.getAuthorities());
        })
        .orElseThrow(() -> {
          throttle.failed(username, "form login");
          return new BadCredentialsException("Wrong username or password");
        });
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
