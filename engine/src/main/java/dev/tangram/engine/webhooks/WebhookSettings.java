package dev.tangram.engine.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The knobs of webhook delivery, with safe defaults ({@link #defaults()}).
 *
 * @param allowedHosts       host names or IP literals an admin allows although they are loopback,
 *                           private or link-local ({@code tangram.webhooks.allowed-hosts})
 * @param connectTimeout     to open the connection to a receiver
 * @param requestTimeout     for the whole exchange, connect included; a slower receiver is a failure
 * @param maxInFlightPerEndpoint concurrent requests to one subscription's URL (different records)
 * @param lease              how long a node owns a claimed attempt; longer than {@code requestTimeout}
 * @param pollInterval       how often the worker looks for due deliveries when nothing wakes it
 * @param retryDelays        the wait after the 1st, 2nd, … failed attempt; its size + 1 attempts in all
 * @param jitter             each delay is multiplied by a random factor in {@code [1 - jitter, 1 + jitter]}
 */
public record WebhookSettings(Set<String> allowedHosts, Duration connectTimeout, Duration requestTimeout,
    int maxInFlightPerEndpoint, Duration lease, Duration pollInterval, List<Duration> retryDelays, double jitter) {

  /**
   * The Standard Webhooks example schedule (immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h)
   * followed by two daily attempts, so a receiver has about three days to come back.
   */
  public static final List<Duration> STANDARD_SCHEDULE = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
      Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10),
      Duration.ofHours(24), Duration.ofHours(24));

  public WebhookSettings {
    allowedHosts = Set.copyOf(allowedHosts.stream().map(h -> h.trim().toLowerCase(java.util.Locale.ROOT))
        .filter(h -> !h.isEmpty()).toList());
    retryDelays = List.copyOf(retryDelays);
    if (lease.compareTo(requestTimeout) <= 0) {
      throw new IllegalArgumentException("The delivery lease must be longer than the request timeout");
    }
  }

  public static WebhookSettings defaults() {
    return new WebhookSettings(Set.of(), Duration.ofSeconds(5), Duration.ofSeconds(15), 8, Duration.ofSeconds(60),
        Duration.ofMillis(500), STANDARD_SCHEDULE, 0.2);
  }

  public WebhookSettings withAllowedHosts(Set<String> hosts) {
    return new WebhookSettings(hosts, connectTimeout, requestTimeout, maxInFlightPerEndpoint, lease, pollInterval, retryDelays, jitter);
  }

  public WebhookSettings withRetryDelays(List<Duration> delays, double jitter) {
    return new WebhookSettings(allowedHosts, connectTimeout, requestTimeout, maxInFlightPerEndpoint, lease, pollInterval, delays, jitter);
  }

  public WebhookSettings withTimeouts(Duration connect, Duration request, Duration lease) {
    return new WebhookSettings(allowedHosts, connect, request, maxInFlightPerEndpoint, lease, pollInterval, retryDelays, jitter);
  }

  public WebhookSettings withPollInterval(Duration interval) {
    return new WebhookSettings(allowedHosts, connectTimeout, requestTimeout, maxInFlightPerEndpoint, lease, interval, retryDelays, jitter);
  }
}
