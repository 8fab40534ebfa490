package dev.tangram.runtime.config;

import com.mongodb.client.MongoDatabase;
import dev.tangram.engine.access.AccessPolicy;
import dev.tangram.engine.access.AccessSettings;
import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.engine.events.EventOutbox;
import dev.tangram.engine.flows.FlowDependencies;
import dev.tangram.engine.flows.Flows;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.plugins.PluginRegistry;
import dev.tangram.engine.records.RecordService;
import dev.tangram.engine.rules.ScriptSandbox;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.flowable.engine.ProcessEngine;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flows on the process engine of Flowable's Spring Boot starter: the engine configuration is
 * hardened before it is built (safe BPMN XML; expressions reach the flow hooks only, never the
 * application's beans), then the flows feature is wired to it, and the flow repair runs at start and
 * periodically.
 */
@Configuration(proxyBeanMethods = false)
class FlowConfiguration {

  private static final Logger log = LoggerFactory.getLogger(FlowConfiguration.class);

  @Bean
  FlowDependencies flowDependencies(MongoDatabase database, RecordService records, FormService forms, OrgDirectory directory,
      AccessPolicy access, AccessSettings accessSettings, ScriptSandbox sandbox, PluginRegistry plugins, EventOutbox outbox, Clock clock) {
    return new FlowDependencies(database, records, forms, directory, access, accessSettings, sandbox, plugins, outbox, clock);
  }

  @Bean
  EngineConfigurationConfigurer<SpringProcessEngineConfiguration> tangramFlowHardening(FlowDependencies deps) {
    return configuration -> Flows.configure(configuration, deps);
  }

  @Bean
  Flows flows(ProcessEngine engine, FlowDependencies deps) {
    return new Flows(engine, deps);
  }

  /** Repairs what a crash between MongoDB and Flowable left, at start and then every {@code interval}. */
  @Bean(destroyMethod = "shutdownNow")
  ScheduledExecutorService flowRepairSchedule(Flows flows, @Value("${tangram.flows.repair-interval:60s}") Duration interval,
      @Value("${tangram.flows.repair-grace:30s}") Duration grace) {
    ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "tangram-flow-repair");
      t.setDaemon(true);
      return t;
    });
    schedule.scheduleWithFixedDelay(() -> {
      try {
        flows.repair().repair(grace);
      } catch (RuntimeException e) {
        log.warn("Flow repair pass failed; the next one retries", e);
      }
    }, 5, interval.toSeconds(), TimeUnit.SECONDS);
    return schedule;
  }
}
