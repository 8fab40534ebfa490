package dev.tangram.engine.webhooks;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One event sent to one subscription, with every attempt.
 *
 * @param id       also the {@code webhook-id} header, the same on every attempt
 * @param state    {@code pending} (waiting or retrying), {@code delivered}, or {@code dead} (gave up)
 * @param nextAt   when the next attempt is due while pending
 */
public record Delivery(String id, String subscription, String eventId, String type, @Nullable String recordId,
    long recordVersion, String state, int attempts, @Nullable Instant nextAt, Instant createdAt,
    @Nullable Instant deliveredAt, List<Attempt> log) {

  public static final String PENDING = "pending";
  public static final String DELIVERED = "delivered";
  public static final String DEAD = "dead";

  public Delivery {
    log = List.copyOf(log);
  }

  /**
   * One attempt.
   *
   * @param status  the receiver's HTTP status; 0 when there was none (refused, timed out)
   * @param excerpt the start of the response body, or what went wrong
   * @param node    the app node that made it
   */
  public record Attempt(int number, Instant at, int status, long latencyMs, String excerpt, String node) {}
}
