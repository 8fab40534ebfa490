package dev.tangram.engine.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Standard Webhooks symmetric signatures: {@code webhook-signature: v1,<base64 HMAC-SHA256 of
 * "id.timestamp.body">} keyed with the base64 part of a {@code whsec_…} secret. Used to sign what we
 * send and to verify what triggers receive.
 */
public final class WebhookSignature {

  public static final String PREFIX = "whsec_";
  /** How far a timestamp may be from now, either way. */
  public static final Duration TOLERANCE = Duration.ofMinutes(5);
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSignature() {}

  /** A fresh secret: {@code whsec_} and 32 random bytes in base64. */
  public static String newSecret() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** The header value {@code v1,<signature>} for one message. */
  public static String sign(String secret, String id, long timestamp, String body) {
    return "v1," + Base64.getEncoder().encodeToString(hmac(key(secret), id + "." + timestamp + "." + body));
  }

  /**
   * Checks the three headers against {@code body}. Passes if any of the space-separated {@code v1}
   * signatures matches (several are sent while a secret is rotated).
   *
   * @throws InvalidSignatureException naming what is missing or wrong
   */
  public static void verify(String secret, @Nullable String id, @Nullable String timestamp, @Nullable String signatures,
      String body, Instant now) {
    if (id == null || id.isBlank() || timestamp == null || signatures == null || signatures.isBlank()) {
      throw new InvalidSignatureException("The webhook-id, webhook-timestamp and webhook-signature headers are required");
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      throw new InvalidSignatureException("webhook-timestamp must be seconds since the epoch");
    }
    if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
      throw new InvalidSignatureException("webhook-timestamp is more than 5 minutes from now");
    }
    byte[] expected = hmac(key(secret), id + "." + seconds + "." + body);
    for (String candidate : signatures.trim().split(" +")) {
      int comma = candidate.indexOf(',');
      if (comma < 0 || !"v1".equals(candidate.substring(0, comma))) {
        continue;
      }
      byte[] given;
      try {
        given = Base64.getDecoder().decode(candidate.substring(comma + 1));
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (MessageDigest.isEqual(expected, given)) {
        return;
      }
    }
    throw new InvalidSignatureException("No webhook-signature matches the body");
  }

  private static byte[] key(String secret) {
    String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
    return Base64.getDecoder().decode(encoded);
  }

  private static byte[] hmac(byte[] key, String content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
