package dev.tangram.runtime.security;

import java.time.Instant;
import java.util.Optional;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * The one password check, for the API login and the browser's form login alike: refused while the
 * username is locked out, counted towards the lock-out when wrong, cleared when right.
 */
@Component
public class PasswordLogin {

  /** How an attempt ended: a user, or the moment a lock-out ends, or neither (wrong password). */
  public record Outcome(Optional<UserDetails> user, Optional<Instant> lockedUntil) {}

  private final UserAccounts users;
  private final LoginThrottle throttle;

  PasswordLogin(UserAccounts users, LoginThrottle throttle) {
    this.users = users;
    this.throttle = throttle;
  }

  public Outcome attempt(String username, String password, String from) {
    Optional<Instant> locked = throttle.lockedUntil(username);
    if (locked.isPresent()) {
      return new Outcome(Optional.empty(), locked);
    }
    Optional<UserDetails> user = users.authenticate(username, password);
    if (user.isPresent()) {
      throttle.succeeded(username);
    } else {
      throttle.failed(username, from);
    }
    return new Outcome(user, Optional.empty());
  }
}
