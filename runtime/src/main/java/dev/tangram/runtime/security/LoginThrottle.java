package dev.tangram.runtime.security;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Locks a username out after {@code tangram.auth.max-failures} wrong passwords in a row (default
 * 5) for {@code tangram.auth.lockout} (default 15 minutes). Kept in MongoDB, so every node sees it.
 */
@Component
public class LoginThrottle {

  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
  private final MongoCollection<Document> attempts;
  private final Clock clock;
  private final int maxFailures;
  private final Duration lockout;

  LoginThrottle(MongoDatabase database, Clock clock, @Value("${tangram.auth.max-failures:5}") int maxFailures,
      @Value("${tangram.auth.lockout:15m}") Duration lockout) {
    this.attempts = database.getCollection("_login_attempts");
    this.clock = clock;
    this.maxFailures = maxFailures;
    this.lockout = lockout;
  }

  /** When the username is locked, the moment the lock ends. */
  public Optional<Instant> lockedUntil(String username) {
    Document d = attempts.find(Filters.eq("_id", username)).first();
    if (d == null || d.getDate("lockedUntil") == null) {
      return Optional.empty();
    }
    Instant until = d.getDate("lockedUntil").toInstant();
    return until.isAfter(clock.instant()) ? Optional.of(until) : Optional.empty();
  }

  public void failed(String username, String remoteAddress) {
    Document d = attempts.findOneAndUpdate(Filters.eq("_id", username), Updates.inc("failures", 1),
        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    int failures = d.getInteger("failures", 1);
    log.warn("Failed login for '{}' from {} ({} in a row)", username, remoteAddress, failures);
    if (failures >= maxFailures) {
      attempts.updateOne(Filters.eq("_id", username), Updates.combine(
          Updates.set("lockedUntil", Date.from(clock.instant().plus(lockout))), Updates.set("failures", 0)));
      log.warn("User '{}' locked out for {} after {} failed logins", username, lockout, failures);
    }
  }

  public void succeeded(String username) {
    attempts.deleteOne(Filters.eq("_id", username));
  }
}
