package dev.tangram.engine.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.tangram.engine.access.AccessPolicy;
import dev.tangram.engine.access.AccessSettings;
import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.engine.apps.AppService;
import dev.tangram.engine.events.EventOutbox;
import dev.tangram.engine.forms.FormScriptChecker;
import dev.tangram.engine.plugins.PluginRegistry;
import dev.tangram.engine.triggers.TriggerRunner;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.rules.FormulaEngine;
import dev.tangram.engine.rules.ScriptSandbox;
import dev.tangram.engine.records.RecordService;
import dev.tangram.engine.schema.CompiledFormCache;
import java.time.Clock;
import java.time.Duration;

/**
 * A real MongoDB wire-protocol server (mongo-java-server, in memory) and the engine services on
 * it, for tests. Close it after use.
 */
public final class EmbeddedMongo implements AutoCloseable {

  private final MongoServer server;
  private final MongoClient client;
  public final MongoDatabase database;
  public final AppService apps;
  public final FormService forms;
  public final RecordService records;
  public final OrgDirectory directory;
  public final AccessSettings accessSettings;
  public final EventOutbox outbox;
  public final TriggerRunner triggers;
  /** Commands sent to the server so far (round trips), for the benchmarks' cost counts. */
  public final java.util.concurrent.atomic.AtomicLong commands = new java.util.concurrent.atomic.AtomicLong();
  /** Time the client waited for command replies, summed over all threads. */
  public final java.util.concurrent.atomic.LongAdder commandNanos = new java.util.concurrent.atomic.LongAdder();
  /**
   * The same, by command name and collection ("update _events"), to see where a benchmark's round
   * trips go; those of the outbox's settler thread marked "(settler)".
   */
  public final java.util.Map<String, java.util.concurrent.atomic.LongAdder> commandsByName = new java.util.concurrent.ConcurrentHashMap<>();

  public EmbeddedMongo() {
    this(new MongoServer(new MemoryBackend()));
  }

  /**
   * The app's embedded default store: mongo-java-server with the engine's H2 backend on a fresh
   * file, its page cache of {@code cacheMb} (the app's {@code tangram.embedded-mongo.cache-size}).
   */
  public static EmbeddedMongo onH2File(int cacheMb) {
    try {
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("tangram-bench");
      org.h2.mvstore.MVStore store = new org.h2.mvstore.MVStore.Builder().fileName(dir.resolve("mongo.mv").toString()).cacheSize(cacheMb).open();
      return new EmbeddedMongo(new MongoServer(new dev.tangram.engine.store.EmbeddedH2Backend(store)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public EmbeddedMongo(MongoServer server) {
    this.server = server;
    this.client = MongoClients.create(com.mongodb.MongoClientSettings.builder()
        .applyConnectionString(new com.mongodb.ConnectionString("mongodb://" + hostPort(server.bind())))
        .addCommandListener(new com.mongodb.event.CommandListener() {
          @Override
          public void commandStarted(com.mongodb.event.CommandStartedEvent event) {
            commands.incrementAndGet();
            org.bson.BsonValue target = event.getCommand().get(event.getCommandName());
            String name = event.getCommandName() + (target != null && target.isString() ? " " + target.asString().getValue() : "")
                + (Thread.currentThread().getName().equals("tangram-event-settler") ? " (settler)" : ""); // not on a writer's thread
            commandsByName.computeIfAbsent(name, k -> new java.util.concurrent.atomic.LongAdder()).increment();
          }

          @Override
          public void commandSucceeded(com.mongodb.event.CommandSucceededEvent event) {
            commandNanos.add(event.getElapsedTime(java.util.concurrent.TimeUnit.NANOSECONDS));
          }

          @Override
          public void commandFailed(com.mongodb.event.CommandFailedEvent event) {
            commandNanos.add(event.getElapsedTime(java.util.concurrent.TimeUnit.NANOSECONDS));
          }
        }).build());
    this.database = client.getDatabase("tangram");
    Node node = Node.on(database);
    this.apps = node.apps();
    this.forms = node.forms();
    this.directory = node.directory();
    this.accessSettings = node.accessSettings();
    this.records = node.records();
    this.outbox = node.outbox();
    this.triggers = node.triggers();
  }

  /** The engine services of one app node on a store. */
  private record Node(AppService apps, FormService forms, OrgDirectory directory, AccessSettings accessSettings, RecordService records, EventOutbox outbox,
      TriggerRunner triggers) {
    static Node on(MongoDatabase database) {
      Clock clock = Clock.systemDefaultZone();
      AppService apps = new AppService(database, clock);
      FormService forms = new FormService(database, apps, clock, Duration.ofSeconds(2), scriptChecker());
      OrgDirectory directory = new OrgDirectory(database);
      AccessSettings accessSettings = new AccessSettings(database, Duration.ofSeconds(2));
      EventOutbox outbox = new EventOutbox(database, clock);
      RecordService records = new RecordService(database, forms, new CompiledFormCache(),
          new AccessPolicy(accessSettings, directory), new FormulaEngine(sandbox()), outbox, clock);
      TriggerRunner triggers = new TriggerRunner(forms, records, sandbox(), plugins(), directory, database, clock).install(outbox);
      return new Node(apps, forms, directory, accessSettings, records, outbox, triggers);
    }
  }

  private static ScriptSandbox sandbox;

  /** The plugins on the test class path (the sample plugin among them), found as the runtime finds them. */
  public static PluginRegistry plugins() {
    return PluginRegistry.discover(EmbeddedMongo.class.getClassLoader());
  }

  /** One sandbox for every test in the JVM: opening one costs seconds on a cold JVM. */
  private static synchronized ScriptSandbox sandbox() {
    if (sandbox == null) {
      sandbox = ScriptSandbox.create();
    }
    return sandbox;
  }

  /** The sandbox every test in this JVM shares. */
  public static ScriptSandbox sharedSandbox() {
    return sandbox();
  }

  public static FormScriptChecker scriptChecker() {
    return new FormScriptChecker(new FormulaEngine(sandbox()), sandbox());
  }

  /** The record service and event outbox of another app node on the same store. */
  public record OtherNode(RecordService records, EventOutbox outbox) {}

  public OtherNode otherNode() {
    Node node = Node.on(database);
    return new OtherNode(node.records(), node.outbox());
  }

  /** A second set of engine services on the same store, as a second app node would have. */
  public RecordService secondNode() {
    return Node.on(database).records();
  }

  public String uri() {
    return "mongodb://" + hostPort(server.getLocalAddress());
  }

  private static String hostPort(java.net.InetSocketAddress address) {
    return address.getHostString() + ":" + address.getPort();
  }

  @Override
  public void close() {
    outbox.close(); // settles what was handed over while the store is still there
    client.close();
    server.shutdownNow();
  }
}
