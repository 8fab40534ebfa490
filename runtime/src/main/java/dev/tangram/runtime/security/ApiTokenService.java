package dev.tangram.runtime.security;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.tangram.engine.common.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

/**
 * Issues, checks and revokes bearer tokens. A token is {@code tgm_<random>}; the store keeps its
 * SHA-256 only (a stolen database yields no usable token), with owner, scopes and expiry.
 */
@Component
public class ApiTokenService {

  /** A token plus the secret, which exists only in this object and the response that shows it. */
  public record IssuedToken(ApiToken token, String secret) {}

  private final MongoCollection<Document> tokens;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  ApiTokenService(MongoDatabase database, Clock clock) {
    this.tokens = database.getCollection("_tokens");
    this.clock = clock;
  }

  public IssuedToken issue(String username, String name, String kind, Set<String> scopes, Duration lifetime) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String secret = "tgm_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    ApiToken token = new ApiToken(new ObjectId().toHexString(), username, name, kind, Set.copyOf(scopes), now, now.plus(lifetime), false);
    tokens.insertOne(new Document("_id", token.id()).append("hash", sha256(secret)).append("username", username)
        .append("name", name).append("kind", kind).append("scopes", List.copyOf(scopes))
        .append("createdAt", Date.from(now)).append("expiresAt", Date.from(token.expiresAt())).append("revoked", false));
    return new IssuedToken(token, secret);
  }

  /** The valid, unexpired, unrevoked token with this secret. */
  public Optional<ApiToken> authenticate(String secret) {
    if (!secret.startsWith("tgm_") || secret.length() > 100) {
      return Optional.empty();
    }
    Document d = tokens.find(Filters.eq("hash", sha256(secret))).first();
    return Optional.ofNullable(d).map(ApiTokenService::toToken)
        .filter(t -> !t.revoked() && t.expiresAt().isAfter(clock.instant()));
  }

  public List<ApiToken> listOf(String username) {
    List<ApiToken> result = new ArrayList<>();
    tokens.find(Filters.and(Filters.eq("username", username), Filters.eq("kind", "api")))
        .sort(Sorts.descending("createdAt")).forEach(d -> result.add(toToken(d)));
    return result;
  }

  public void revoke(String username, String id) {
    if (tokens.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("username", username)), Updates.set("revoked", true)).getMatchedCount() == 0) {
      throw new NotFoundException("id", "You have no token " + id);
    }
  }

  private static ApiToken toToken(Document d) {
    return new ApiToken(d.getString("_id"), d.getString("username"), d.getString("name"), d.getString("kind"),
        new HashSet<>(d.getList("scopes", String.class)), d.getDate("createdAt").toInstant(),
        d.getDate("expiresAt").toInstant(), d.getBoolean("revoked", false));
  }

  private static String sha256(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
