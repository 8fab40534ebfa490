package dev.tangram.engine.webhooks;

import dev.tangram.engine.access.AccessPolicy;
import dev.tangram.engine.events.EventOutbox;
import dev.tangram.engine.records.RecordService;
import dev.tangram.engine.testing.EmbeddedMongo;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Webhooks on an embedded store, with short retries and 127.0.0.1 allow-listed, as tests want them. */
final class WebhookTestNode {

  private WebhookTestNode() {}

  static WebhookSettings settings() {
    return WebhookSettings.defaults().withAllowedHosts(Set.of("127.0.0.1"))
        .withRetryDelays(List.of(Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(50)), 0)
        .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3))
        .withPollInterval(Duration.ofMillis(50));
  }

  static Webhooks on(EmbeddedMongo mongo, EventOutbox outbox, RecordService records, WebhookSettings settings) {
    return new Webhooks(mongo.database, outbox, mongo.forms, records, new AccessPolicy(mongo.accessSettings, mongo.directory),
        mongo.directory, EmbeddedMongo.sharedSandbox(), settings, Clock.systemUTC());
  }

  static Webhooks on(EmbeddedMongo mongo) {
    return on(mongo, mongo.outbox, mongo.records, settings());
  }
}
