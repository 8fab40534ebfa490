package dev.tangram.runtime.config;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.tangram.engine.store.EmbeddedH2Backend;
import org.h2.mvstore.MVStore;
import org.springframework.util.unit.DataSize;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no MongoDB configured ({@code spring.mongodb.uri} unset), starts mongo-java-server in this
 * process — a real wire-protocol server, H2-backed under {@code tangram.data-dir} — and points
 * Spring Boot's MongoDB client at it. With a URI, this configuration stays out of the way.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.mongodb.uri:}'.isEmpty() and '${spring.mongodb.host:}'.isEmpty()")
class EmbeddedMongoConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

  /**
   * @param cacheSize the H2 page cache; list queries on the embedded store scan the collection, and
   *     they stay fast only while it fits (measured in docs/deployment.md)
   */
  @Bean(destroyMethod = "shutdownNow")
  MongoServer embeddedMongoServer(@Value("${tangram.data-dir:./data}") Path dataDir,
      @Value("${tangram.embedded-mongo.in-memory:false}") boolean inMemory,
      @Value("${tangram.embedded-mongo.cache-size:256MB}") DataSize cacheSize) {
    MongoBackend backend;
    if (inMemory) {
      backend = new MemoryBackend();
    } else {
      try {
        Files.createDirectories(dataDir);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot create the data directory " + dataDir.toAbsolutePath(), e);
      }
      backend = new EmbeddedH2Backend(new MVStore.Builder().fileName(dataDir.resolve("mongo.mv").toString())
          .cacheSize((int) Math.max(1, cacheSize.toMegabytes())).open());
    }
    MongoServer server = new MongoServer(backend);
    server.bind("127.0.0.1", 0);
    InetSocketAddress address = server.getLocalAddress();
    log.info("Embedded MongoDB (mongo-java-server, {}) listening on {}", inMemory ? "in memory" : dataDir.resolve("mongo.mv").toAbsolutePath(), address);
    return server;
  }

  @Bean
  MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer server) {
    InetSocketAddress address = server.getLocalAddress();
    ConnectionString uri = new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort() + "/tangram");
    return () -> uri;
  }
}
