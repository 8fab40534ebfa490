package dev.tangram.runtime.config;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * MongoDB health by {@code ping}. Replaces Spring Boot's indicator (same bean name), which sends
 * {@code hello} — a command mongo-java-server does not know, so the embedded store read as DOWN.
 */
@Component("mongoHealthIndicator")
class MongoPingHealthIndicator extends AbstractHealthIndicator {

  private final MongoDatabase database;

  MongoPingHealthIndicator(MongoDatabase database) {
    this.database = database;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Document reply = database.runCommand(new Document("ping", 1));
    builder.up().withDetail("database", database.getName()).withDetail("ping", reply.get("ok"));
  }
}
