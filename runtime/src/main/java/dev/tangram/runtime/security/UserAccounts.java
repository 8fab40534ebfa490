package dev.tangram.runtime.security;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * User accounts in the {@code _users} collection with hashed passwords. The full org directory
 * (departments, roles, import) builds on this in the identity issue.
 */
@Component
public class UserAccounts {

  private final MongoCollection<Document> users;
  private final PasswordEncoder passwords;
  private final Clock clock;
  /** A hash of nothing anyone knows, checked for unknown users so they cost as much as known ones. */
  private final String unknownUserHash;

  UserAccounts(MongoDatabase database, PasswordEncoder passwords, Clock clock) {
    this.users = database.getCollection("_users");
    this.passwords = passwords;
    this.clock = clock;
    this.unknownUserHash = passwords.encode(java.util.UUID.randomUUID().toString());
  }

  /** Creates a user unless one with that name exists; returns whether it was created. */
  public boolean createIfAbsent(String username, String rawPassword, List<String> roles) {
    try {
      users.insertOne(new Document("_id", username).append("passwordHash", passwords.encode(rawPassword))
          .append("roles", roles).append("enabled", true).append("createdAt", Date.from(clock.instant())));
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  /** The user if the password matches; the hash is compared even for unknown users (same timing). */
  public Optional<UserDetails> authenticate(String username, String rawPassword) {
    Optional<UserDetails> user = find(username);
    String hash = user.map(UserDetails::getPassword).orElse(unknownUserHash);
    boolean matches = passwords.matches(rawPassword, hash);
    return user.filter(u -> matches && u.isEnabled());
  }

  public Optional<UserDetails> find(String username) {
    Document d = users.find(Filters.eq("_id", username)).first();
    if (d == null) {
      return Optional.empty();
    }
    // A directory entry without a password yet cannot log in: no password matches unknownUserHash.
    String hash = d.getString("passwordHash") != null ? d.getString("passwordHash") : unknownUserHash;
    return Optional.of(User.withUsername(username).password(hash)
        .roles(d.getList("roles", String.class).toArray(String[]::new)).disabled(!d.getBoolean("enabled", true)).build());
  }

  /** Sets a user's password; the directory entry must exist. */
  public void setPassword(String username, String rawPassword) {
    users.updateOne(Filters.eq("_id", username), com.mongodb.client.model.Updates.set("passwordHash", passwords.encode(rawPassword)));
  }


}
