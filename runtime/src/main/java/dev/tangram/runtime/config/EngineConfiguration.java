package dev.tangram.runtime.config;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.tangram.engine.access.AccessPolicy;
import dev.tangram.engine.access.AccessSettings;
import dev.tangram.engine.access.AuditLog;
import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.engine.apps.AppService;
import dev.tangram.engine.forms.FormScriptChecker;
import dev.tangram.engine.events.EventOutbox;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.records.RecordService;
import dev.tangram.engine.rules.FormulaEngine;
import dev.tangram.engine.rules.ScriptSandbox;
import dev.tangram.engine.schema.CompiledFormCache;
import dev.tangram.engine.triggers.TriggerRunner;
import dev.tangram.engine.plugins.PluginRegistry;
import dev.tangram.engine.plugins.TangramPlugin;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine's services as Spring beans, on the MongoDB database Spring Boot connects to. */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemDefaultZone();
  }

  @Bean
  MongoDatabase tangramDatabase(MongoClient client, MongoConnectionDetails details,
      @Value("${spring.mongodb.database:}") String configured) {
    String fromUri = details.getConnectionString().getDatabase();
    String name = !configured.isBlank() ? configured : fromUri != null ? fromUri : "tangram";
    return client.getDatabase(name);
  }

  @Bean
  AppService appService(MongoDatabase database, Clock clock) {
    return new AppService(database, clock);
  }

  @Bean
  FormService formService(MongoDatabase database, AppService apps, Clock clock,
      @Value("${tangram.forms.latest-version-ttl:2s}") Duration latestVersionTtl, FormulaEngine formulas, ScriptSandbox sandbox) {
    return new FormService(database, apps, clock, latestVersionTtl, new FormScriptChecker(formulas, sandbox));
  }

  /** Plugins found by ServiceLoader plus any declared as Spring beans. */
  @Bean
  PluginRegistry pluginRegistry(List<TangramPlugin> beans) {
    List<TangramPlugin> all = new ArrayList<>(PluginRegistry.discover(getClass().getClassLoader()).plugins());
    beans.stream().filter(b -> all.stream().noneMatch(p -> p.getClass() == b.getClass())).forEach(all::add);
    return new PluginRegistry(all);
  }

  @Bean
  OrgDirectory orgDirectory(MongoDatabase database) {
    return new OrgDirectory(database);
  }

  @Bean
  AuditLog auditLog(MongoDatabase database, Clock clock) {
    return new AuditLog(database, clock);
  }

  /**
   * The GraalJS sandbox. It logs its mode at start: "GraalVM CE" when ./tangram added the JVMCI
   * flags and the Graal compiler (optimised), "Interpreted" with a plain java -jar (works, slower).
   */
  @Bean(destroyMethod = "close")
  ScriptSandbox scriptSandbox() {
    return ScriptSandbox.create();
  }

  @Bean
  FormulaEngine formulaEngine(ScriptSandbox sandbox) {
    return new FormulaEngine(sandbox);
  }

  @Bean
  CompiledFormCache compiledFormCache() {
    return new CompiledFormCache();
  }

  @Bean
  AccessSettings accessSettings(MongoDatabase database, @Value("${tangram.access.cache-ttl:2s}") Duration ttl) {
    return new AccessSettings(database, ttl);
  }

  @Bean
  AccessPolicy accessPolicy(AccessSettings settings, OrgDirectory directory) {
    return new AccessPolicy(settings, directory);
  }

  /**
   * The event relay also finishes, at start, whatever a crash left half-relayed. It starts once the
   * application is ready ({@link EventRelayStarter}), when every consumer (history, rules, webhooks)
   * is registered: an event relayed earlier would not list the late ones and be lost to them.
   */
  @Bean(destroyMethod = "close")
  EventOutbox eventOutbox(MongoDatabase database, Clock clock) {
    return new EventOutbox(database, clock);
  }

  @Bean
  RecordService recordService(MongoDatabase database, FormService forms, CompiledFormCache cache, AccessPolicy access,
      FormulaEngine formulas, EventOutbox outbox, Clock clock) {
    return new RecordService(database, forms, cache, access, formulas, outbox, clock);
  }

  /** Before-rules inside every write, after-rules on every record event (registered before webhooks and flows). */
  @Bean
  TriggerRunner triggerRunner(FormService forms, RecordService records, ScriptSandbox sandbox, PluginRegistry plugins,
      OrgDirectory directory, MongoDatabase database, EventOutbox outbox, Clock clock) {
    return new TriggerRunner(forms, records, sandbox, plugins, directory, database, clock).install(outbox);
  }
}
