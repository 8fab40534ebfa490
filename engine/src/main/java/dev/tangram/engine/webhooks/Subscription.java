package dev.tangram.engine.webhooks;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An outbound webhook: events of one app (optionally one form) sent to a URL. The owner's
 * permissions decide what each payload shows of the record.
 *
 * @param events         event types of DESIGN §8 it wants
 * @param form           only events of this form; null for the whole app
 * @param disabledReason why it is disabled (e.g. the receiver answered 410); null when enabled
 */
public record Subscription(String id, String app, @Nullable String form, List<String> events, String url,
    @Nullable String description, String owner, boolean enabled, @Nullable String disabledReason, Instant createdAt) {

  public Subscription {
    events = List.copyOf(events);
  }

  /** A new subscription and its signing secret, shown to the owner at creation. */
  public record Created(Subscription subscription, String secret) {}
}
