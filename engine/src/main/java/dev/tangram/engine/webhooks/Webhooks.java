package dev.tangram.engine.webhooks;

import com.mongodb.client.MongoDatabase;
import dev.tangram.engine.access.AccessPolicy;
import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.engine.events.EventOutbox;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.records.RecordService;
import dev.tangram.engine.rules.ScriptSandbox;
import dev.tangram.engine.webhooks.internal.DeliveryStore;
import dev.tangram.engine.webhooks.internal.OutboundAddressGuard;
import dev.tangram.engine.webhooks.internal.SubscriptionStore;
import dev.tangram.engine.webhooks.internal.TriggerStore;
import dev.tangram.engine.webhooks.internal.WebhookDeliveryWorker;
import dev.tangram.engine.webhooks.internal.WebhookFanOut;
import dev.tangram.engine.webhooks.internal.WebhookPayloads;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhooks feature of one app node: registers the fan-out on the event outbox (so every
 * committed event reaches the subscriptions, at least once) and runs the delivery worker between
 * {@link #start} and {@link #close}. Several nodes may run on one store: leases keep them from
 * making the same attempt twice.
 */
public final class Webhooks implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Webhooks.class);
  private static final Duration CACHE_TTL = Duration.ofSeconds(2);
  private static final Duration KEEP_FINISHED = Duration.ofDays(30);

  private final WebhookService subscriptions;
  private final TriggerService triggers;
  private final WebhookDeliveryWorker worker;
  private final DeliveryStore deliveries;
  private final String node;
  private @Nullable ScheduledExecutorService housekeeping;

  public Webhooks(MongoDatabase database, EventOutbox outbox, FormService forms, RecordService records, AccessPolicy access,
      OrgDirectory directory, ScriptSandbox sandbox, WebhookSettings settings, Clock clock) {
    this(database, outbox, forms, records, access, directory, sandbox, settings, clock, InetAddress::getAllByName);
  }

  /** @param resolver resolves host names for the address checks (tests play DNS rebinding with it) */
  public Webhooks(MongoDatabase database, EventOutbox outbox, FormService forms, RecordService records, AccessPolicy access,
      OrgDirectory directory, ScriptSandbox sandbox, WebhookSettings settings, Clock clock, OutboundAddressGuard.Resolver resolver) {
    this.node = Long.toString(ProcessHandle.current().pid(), 36) + "-" + new org.bson.types.ObjectId().toHexString().substring(18);
    SubscriptionStore subscriptionStore = new SubscriptionStore(database, CACHE_TTL);
    this.deliveries = new DeliveryStore(database);
    OutboundAddressGuard guard = new OutboundAddressGuard(settings.allowedHosts(), resolver);
    this.worker = new WebhookDeliveryWorker(deliveries, subscriptionStore, guard, settings, clock, node);
    this.subscriptions = new WebhookService(subscriptionStore, deliveries, guard, forms, access, clock, worker::wakeUp);
    this.triggers = new TriggerService(new TriggerStore(database), forms, records, access, directory, sandbox, clock);
    WebhookPayloads payloads = new WebhookPayloads(forms, access, directory, CACHE_TTL);
    outbox.register(new WebhookFanOut(database, subscriptionStore, deliveries, payloads, clock, worker::wakeUp));
  }

  public WebhookService subscriptions() {
    return subscriptions;
  }

  public TriggerService triggers() {
    return triggers;
  }

  /** This node's name in the delivery log. */
  public String node() {
    return node;
  }

  /** Deliveries waiting to be sent (or retried), on every node. */
  public long pendingDeliveries() {
    return deliveries.pendingCount();
  }

  /** Starts sending, and hourly forgets finished deliveries after 30 days and expired trigger markers. */
  public synchronized void start() {
    worker.start();
    if (housekeeping == null) {
      housekeeping = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("tangram-webhook-housekeeping").factory());
      housekeeping.scheduleWithFixedDelay(() -> {
        try {
          deliveries.purgeFinished(java.time.Instant.now().minus(KEEP_FINISHED));
          triggers.purge();
        } catch (RuntimeException e) {
          log.warn("Webhook housekeeping failed", e);
        }
      }, 1, 60, TimeUnit.MINUTES);
    }
  }

  @Override
  public synchronized void close() {
    worker.close();
    if (housekeeping != null) {
      housekeeping.shutdownNow();
      housekeeping = null;
    }
  }
}
