package dev.tangram.runtime.security;

import java.time.Instant;
import java.util.Set;

/**
 * An API token as stored: only the SHA-256 of its secret is kept, so it is shown once.
 *
 * @param kind   {@code login} (short-lived, from a password login) or {@code api} (long-lived)
 * @param scopes {@code read} (GET) and/or {@code write} (everything else)
 */
public record ApiToken(String id, String username, String name, String kind, Set<String> scopes, Instant createdAt, Instant expiresAt, boolean revoked) {

  public static final Set<String> SCOPES = Set.of("read", "write");
}
