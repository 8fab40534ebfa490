package dev.tangram.engine.webhooks.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.tangram.engine.common.ExpiringCache;
import dev.tangram.engine.webhooks.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * Subscriptions in {@code _webhooks}, with their secrets. The fan-out reads an app's subscriptions
 * from a short-lived cache; changes on this node clear it at once.
 */
public final class SubscriptionStore {

  /** A subscription with what only the engine sees. */
  public record Stored(Subscription subscription, String secret) {}

  private final MongoCollection<Document> subscriptions;
  private final ExpiringCache<List<Stored>> byApp;
  private final ExpiringCache<Optional<Stored>> byId;
  private final ExpiringCache<List<Stored>> everyOne;

  public SubscriptionStore(MongoDatabase database, Duration cacheTtl) {
    this.subscriptions = database.getCollection("_webhooks");
    subscriptions.createIndex(Indexes.ascending("app"));
    subscriptions.createIndex(Indexes.ascending("owner"));
    this.byApp = new ExpiringCache<>(cacheTtl, app -> load(Filters.eq("app", app)), l -> true);
    this.byId = new ExpiringCache<>(cacheTtl, id -> find(id), o -> true);
    this.everyOne = new ExpiringCache<>(cacheTtl, k -> load(new Document()), l -> true);
  }

  public void insert(Subscription s, String secret) {
    subscriptions.insertOne(new Document("_id", new ObjectId(s.id())).append("app", s.app()).append("form", s.form())
        .append("events", s.events()).append("url", s.url()).append("description", s.description())
        .append("owner", s.owner()).append("secret", secret).append("enabled", s.enabled())
        .append("disabledReason", s.disabledReason()).append("createdAt", Date.from(s.createdAt())));
    changed(s.app(), s.id());
  }

  public List<Stored> ofApp(String app) {
    return byApp.get(app);
  }

  /** Through the cache: the delivery worker asks for every claimed batch. */
  public Optional<Stored> cached(String id) {
    return byId.get(id);
  }

  /** Every subscription, through the cache (the delivery worker's round). */
  public List<Stored> allCached() {
    return everyOne.get("*");
  }

  public Optional<Stored> find(String id) {
    if (!ObjectId.isValid(id)) {
      return Optional.empty();
    }
    return load(Filters.eq("_id", new ObjectId(id))).stream().findFirst();
  }

  public List<Stored> all(@Nullable String owner) {
    return load(owner == null ? new Document() : Filters.eq("owner", owner));
  }

  public void update(String id, Bson update) {
    Document after = subscriptions.findOneAndUpdate(Filters.eq("_id", new ObjectId(id)), update);
    if (after != null) {
      changed(after.getString("app"), id);
    }
  }

  public void disable(String id, String reason) {
    update(id, Updates.combine(Updates.set("enabled", false), Updates.set("disabledReason", reason)));
  }

  public void delete(Subscription s) {
    subscriptions.deleteOne(Filters.eq("_id", new ObjectId(s.id())));
    changed(s.app(), s.id());
  }

  private void changed(String app, String id) {
    byApp.invalidate(app);
    byId.invalidate(id);
    everyOne.invalidate("*");
  }

  private List<Stored> load(Bson filter) {
    List<Stored> result = new ArrayList<>();
    subscriptions.find(filter).sort(Sorts.ascending("_id")).forEach(d -> result.add(new Stored(toSubscription(d), d.getString("secret"))));
    return result;
  }

  private static Subscription toSubscription(Document d) {
    return new Subscription(d.getObjectId("_id").toHexString(), d.getString("app"), d.getString("form"),
        d.getList("events", String.class), d.getString("url"), d.getString("description"), d.getString("owner"),
        Boolean.TRUE.equals(d.getBoolean("enabled")), d.getString("disabledReason"), d.getDate("createdAt").toInstant());
  }
}
