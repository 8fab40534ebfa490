package dev.tangram.runtime.config;

import com.mongodb.client.MongoDatabase;
import dev.tangram.engine.access.AccessPolicy;
import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.engine.events.EventOutbox;
import dev.tangram.engine.flows.Flows;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.records.RecordService;
import dev.tangram.engine.rules.ScriptSandbox;
import dev.tangram.engine.webhooks.TriggerService;
import dev.tangram.engine.webhooks.WebhookService;
import dev.tangram.engine.webhooks.WebhookSettings;
import dev.tangram.engine.webhooks.Webhooks;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Webhooks (DESIGN §8). {@code tangram.webhooks.allowed-hosts} lists host names or IP literals that
 * may be reached although they are loopback or private (e.g. {@code 127.0.0.1,hooks.internal});
 * everything else inside is refused.
 */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

  @Bean(destroyMethod = "close")
  Webhooks webhooks(MongoDatabase database, EventOutbox outbox, FormService forms, RecordService records, AccessPolicy access,
      OrgDirectory directory, ScriptSandbox sandbox, Clock clock,
      @Value("${tangram.webhooks.allowed-hosts:}") Set<String> allowedHosts,
      @Value("${tangram.webhooks.connect-timeout:5s}") Duration connectTimeout,
      @Value("${tangram.webhooks.request-timeout:15s}") Duration requestTimeout,
      @Value("${tangram.webhooks.max-in-flight-per-endpoint:8}") int maxInFlight) {
    WebhookSettings defaults = WebhookSettings.defaults();
    WebhookSettings settings = new WebhookSettings(allowedHosts, connectTimeout, requestTimeout, maxInFlight,
        requestTimeout.multipliedBy(4), defaults.pollInterval(), defaults.retryDelays(), defaults.jitter());
    return new Webhooks(database, outbox, forms, records, access, directory, sandbox, settings, clock);
  }

  @Bean
  WebhookService webhookService(Webhooks webhooks) {
    return webhooks.subscriptions();
  }

  /** Triggers, with the flows' task actions for {@code completeTask} triggers. */
  @Bean
  TriggerService triggerService(Webhooks webhooks, ObjectProvider<Flows> flows) {
    TriggerService triggers = webhooks.triggers();
    flows.ifAvailable(f -> triggers.useFlows(f.tasks(), f.queries()));
    return triggers;
  }
}
