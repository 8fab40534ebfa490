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
import dev.tangram.engine.forms.FormScriptChecker;
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

  public EmbeddedMongo() {
    this(new MongoServer(new MemoryBackend()));
  }

  public EmbeddedMongo(MongoServer server) {
    this.server = server;
    this.client = MongoClients.create("mongodb://" + hostPort(server.bind()));
    this.database = client.getDatabase("tangram");
    Clock clock = Clock.systemDefaultZone();
    this.apps = new AppService(database, clock);
    this.forms = new FormService(database, apps, clock, Duration.ofSeconds(2), scriptChecker());
    this.directory = new OrgDirectory(database);
    this.accessSettings = new AccessSettings(database, Duration.ofSeconds(2));
    this.records = new RecordService(database, forms, new CompiledFormCache(), new AccessPolicy(accessSettings, directory),
        new FormulaEngine(sandbox()), clock);
  }

  private static ScriptSandbox sandbox;

  /** One sandbox for every test in the JVM: opening one costs seconds on a cold JVM. */
  private static synchronized ScriptSandbox sandbox() {
    if (sandbox == null) {
      sandbox = ScriptSandbox.create();
    }
    return sandbox;
  }

  public static FormScriptChecker scriptChecker() {
    return new FormScriptChecker(new FormulaEngine(sandbox()), sandbox());
  }

  /** A second set of engine services on the same store, as a second app node would have. */
  public RecordService secondNode() {
    Clock clock = Clock.systemDefaultZone();
    AppService otherApps = new AppService(database, clock);
    FormService otherForms = new FormService(database, otherApps, clock, Duration.ofSeconds(2));
    return new RecordService(database, otherForms, new CompiledFormCache(),
        new AccessPolicy(new AccessSettings(database, Duration.ofSeconds(2)), new OrgDirectory(database)),
        new FormulaEngine(sandbox()), clock);
  }

  public String uri() {
    return "mongodb://" + hostPort(server.getLocalAddress());
  }

  private static String hostPort(java.net.InetSocketAddress address) {
    return address.getHostString() + ":" + address.getPort();
  }

  @Override
  public void close() {
    client.close();
    server.shutdownNow();
  }
}
