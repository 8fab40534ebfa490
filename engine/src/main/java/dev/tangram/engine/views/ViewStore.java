package dev.tangram.engine.views;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import dev.tangram.engine.common.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import tools.jackson.databind.JsonNode;

/**
 * The list views and dashboards of apps, collection {@code _views} (each definition kept as JSON
 * text, so keys such as {@code zh-CN} need no escaping). No permission checks and no validation:
 * {@link ViewService} checks both; the template installer writes packages it has checked whole.
 */
public final class ViewStore {

  private final MongoCollection<Document> views;

  public ViewStore(MongoDatabase database) {
    this.views = database.getCollection("_views");
  }

  public void put(String app, String key, JsonNode definition) {
    views.replaceOne(Filters.eq("_id", app + ":" + key),
        new Document("_id", app + ":" + key).append("app", app).append("key", key).append("definition", definition.toString()),
        new ReplaceOptions().upsert(true));
  }

  /** Every view of the app by key, in key order. */
  public Map<String, JsonNode> of(String app) {
    Map<String, JsonNode> result = new LinkedHashMap<>();
    views.find(Filters.eq("app", app)).sort(Sorts.ascending("key"))
        .forEach(d -> result.put(d.getString("key"), Json.MAPPER.readTree(d.getString("definition"))));
    return result;
  }

  public Optional<JsonNode> find(String app, String key) {
    return Optional.ofNullable(views.find(Filters.eq("_id", app + ":" + key)).first())
        .map(d -> Json.MAPPER.readTree(d.getString("definition")));
  }

  /** @return whether there was such a view */
  public boolean remove(String app, String key) {
    return views.deleteOne(Filters.eq("_id", app + ":" + key)).getDeletedCount() > 0;
  }

  public void removeAll(String app) {
    views.deleteMany(Filters.eq("app", app));
  }
}
