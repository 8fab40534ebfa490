package dev.tangram.runtime.config;

import dev.tangram.engine.events.EventOutbox;
import dev.tangram.engine.webhooks.Webhooks;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts the event relay and the webhook delivery worker when the application is ready, after
 * every event consumer has registered with the outbox.
 */
@Component
class EventRelayStarter {

  private final EventOutbox outbox;
  private final Webhooks webhooks;
  private final Duration interval;

  EventRelayStarter(EventOutbox outbox, Webhooks webhooks, @Value("${tangram.events.relay-interval:1s}") Duration interval) {
    this.outbox = outbox;
    this.webhooks = webhooks;
    this.interval = interval;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    outbox.start(interval);
    webhooks.start();
  }
}
