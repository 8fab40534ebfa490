package dev.tangram.engine.flows;

import dev.tangram.engine.access.AccessPolicy;
import dev.tangram.engine.access.AccessSettings;
import dev.tangram.engine.access.Actor;
import dev.tangram.engine.access.Department;
import dev.tangram.engine.access.DirectoryUser;
import dev.tangram.engine.access.Grant;
import dev.tangram.engine.access.Operation;
import dev.tangram.engine.access.Role;
import dev.tangram.engine.access.RowScope;
import dev.tangram.engine.plugins.PluginRegistry;
import dev.tangram.engine.rules.ScriptSandbox;
import dev.tangram.engine.testing.EmbeddedMongo;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import tools.jackson.databind.JsonNode;

import static dev.tangram.engine.testing.Fixtures.json;

/**
 * One app node for flow tests: an in-memory MongoDB with the engine services, a Flowable process
 * engine on H2 in memory or on the real PostgreSQL (a fresh schema each time), the flows feature
 * wired between them, and a small org: alice (sales) submits, bob heads sales, carol heads the
 * company, dave is gm, erin and frank are finance.
 */
public final class FlowTestNode implements AutoCloseable {

  static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  public static final Actor ALICE = user("alice", "sales");
  public static final Actor BOB = user("bob", "sales");
  public static final Actor CAROL = user("carol", "hq");
  public static final Actor DAVE = user("dave", "hq", "gm");
  public static final Actor ERIN = user("erin", "hq", "finance");
  public static final Actor FRANK = user("frank", "hq", "finance");
  static final Actor ADMIN = Actor.user("admin", Set.of("ADMIN"), List.of());

  private static ScriptSandbox sandbox;

  /** Flowable commands run so far: {@code [0]} all service calls, {@code [1]} those with their own transaction. */
  final java.util.concurrent.atomic.AtomicLongArray flowableCommands = new java.util.concurrent.atomic.AtomicLongArray(2);
  private final org.flowable.common.engine.impl.interceptor.CommandInterceptor commandCounter =
      new org.flowable.common.engine.impl.interceptor.AbstractCommandInterceptor() {
        @Override
        public <T> T execute(org.flowable.common.engine.impl.interceptor.CommandConfig config,
            org.flowable.common.engine.impl.interceptor.Command<T> command, org.flowable.common.engine.impl.interceptor.CommandExecutor executor) {
          flowableCommands.incrementAndGet(0);
          if (org.flowable.common.engine.impl.context.Context.getCommandContext() == null
              || config.getTransactionPropagation() == org.flowable.common.engine.impl.cfg.TransactionPropagation.REQUIRES_NEW) {
            flowableCommands.incrementAndGet(1);
          }
          return next.execute(config, command, executor);
        }
      };

  public final EmbeddedMongo mongo;
  public final ProcessEngine engine;
  public final Flows flows;
  public final FlowDependencies deps;
  private final String schema;

  public FlowTestNode(String database) {
    this(database, new EmbeddedMongo());
  }

  /** @param database {@code h2} (in memory), {@code h2file} (a fresh file, as the embedded default) or {@code postgres} */
  public FlowTestNode(String database, EmbeddedMongo mongo) {
    this.mongo = mongo;
    AccessSettings settings = mongo.accessSettings;
    deps = new FlowDependencies(mongo.database, mongo.records, mongo.forms, mongo.directory,
        new AccessPolicy(settings, mongo.directory), settings, sandbox(), new PluginRegistry(List.of(new EchoPlugin())),
        mongo.outbox, Clock.systemUTC());
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneProcessEngineConfiguration();
    if ("postgres".equals(database)) {
      schema = "tg_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      sql("CREATE SCHEMA " + schema);
      configuration.setJdbcUrl(POSTGRES_URL + "?currentSchema=" + schema);
      configuration.setJdbcDriver("org.postgresql.Driver");
      configuration.setJdbcUsername("postgres");
      configuration.setJdbcPassword("");
      configuration.setDatabaseSchema(schema);
    } else {
      schema = null;
      configuration.setJdbcUrl("h2file".equals(database) ? "jdbc:h2:file:" + tempDir() + "/flowable"
          : "jdbc:h2:mem:flows-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
      configuration.setJdbcDriver("org.h2.Driver");
      configuration.setJdbcUsername("sa");
      configuration.setJdbcPassword("");
    }
    configuration.setJdbcMaxActiveConnections(20);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setAsyncExecutorActivate(false);
    configuration.setDisableIdmEngine(true);
    configuration.setEngineName("flows-" + UUID.randomUUID());
    configuration.setCustomPreCommandInterceptors(List.of(commandCounter));
    // UUID ids as in the app (Flowable's Spring Boot starter): they change the shape of definition ids
    configuration.setIdGenerator(new org.flowable.common.engine.impl.persistence.StrongUuidGenerator());
    Flows.configure(configuration, deps);
    engine = configuration.buildProcessEngine();
    flows = new Flows(engine, deps);
    seedOrg();
  }

  private static String tempDir() {
    try {
      return java.nio.file.Files.createTempDirectory("tangram-flows").toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static synchronized ScriptSandbox sandbox() {
    if (sandbox == null) {
      sandbox = ScriptSandbox.create();
    }
    return sandbox;
  }

  static Actor user(String name, String department, String... roles) {
    return Actor.user(name, Set.of(roles), List.of(department));
  }

  private void seedOrg() {
    var directory = mongo.directory;
    directory.saveRole(new Role("gm", "General manager", null), true);
    directory.saveRole(new Role("finance", "Finance", null), true);
    directory.saveDepartment(new Department("hq", "Head office", null, List.of()), true);
    directory.saveDepartment(new Department("sales", "Sales", "hq", List.of()), true);
    for (Actor a : List.of(ALICE, BOB, CAROL, DAVE, ERIN, FRANK)) {
      directory.saveUser(new DirectoryUser(a.username(), a.username(), null, null, a.departments(), List.copyOf(a.roles()), true), true);
    }
    directory.saveUser(new DirectoryUser("admin", "Admin", null, null, List.of(), List.of("ADMIN"), true), true);
    directory.saveDepartment(new Department("hq", "Head office", null, List.of("carol")), false);
    directory.saveDepartment(new Department("sales", "Sales", "hq", List.of("bob")), false);
  }

  /** App {@code app} with form {@code expense} published; everyone may submit and see all records. */
  void expenseForm(String app) {
    mongo.apps.create(app, "Finance", null, "admin");
    mongo.forms.create(app, json("""
        {'key':'expense','name':'Expense claim','fields':[
          {'key':'title','type':'text','required':true},
          {'key':'amount','type':'money','required':true,'min':0},
          {'key':'note','type':'text'},
          {'key':'dept','type':'department'},
          {'key':'owner','type':'user'}]}"""), "admin");
    mongo.forms.publish(app, "expense", "admin");
    mongo.accessSettings.setAppRoles(app, new AccessSettings.AppRoles(List.of("user:admin"), List.of("everyone")));
    mongo.accessSettings.setGrants(app, "expense", List.of(new Grant("everyone",
        Set.of(Operation.SUBMIT, Operation.VIEW, Operation.EDIT, Operation.DELETE), RowScope.ALL, null)));
  }

  DeployedFlow deploy(String app, String flow) {
    return flows.definitions().deploy(app, "expense", flow.replace('\'', '"'), ADMIN);
  }

  dev.tangram.engine.records.Record submit(String app, Actor actor, String data) {
    return mongo.records.submit(app, "expense", json("{'data':" + data + "}"), actor);
  }

  /** The app the current test works in; task lists are narrowed to it. */
  public volatile String app;

  public List<FlowTask> todo(Actor actor) {
    return flows.queries().todo(actor, 1, 200).items().stream().filter(t -> app == null || t.app().equals(app)).toList();
  }

  public FlowTask onlyTask(Actor actor) {
    List<FlowTask> tasks = todo(actor);
    if (tasks.size() != 1) {
      throw new AssertionError(actor.username() + " has " + tasks.size() + " tasks: " + tasks);
    }
    return tasks.getFirst();
  }

  void approve(Actor actor) {
    flows.tasks().act(onlyTask(actor).id(), "approve", TaskRequest.comment("ok"), actor);
  }

  String status(String app, String id) {
    return mongo.records.getUnconstrained(app, "expense", id).status();
  }

  static JsonNode body(String singleQuoted) {
    return json(singleQuoted);
  }

  @Override
  public void close() {
    engine.close();
    mongo.close();
    if (schema != null) {
      sql("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  private static void sql(String statement) {
    try (Connection c = DriverManager.getConnection(POSTGRES_URL, "postgres", "")) {
      c.createStatement().execute(statement);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL on 127.0.0.1:5432 (db test, user postgres) is needed by the flow tests: " + e.getMessage(), e);
    }
  }
}
