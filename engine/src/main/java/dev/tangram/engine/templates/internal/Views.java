package dev.tangram.engine.templates.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import dev.tangram.engine.common.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import tools.jackson.databind.JsonNode;

/** The list views and dashboards of apps, collection {@code _views} (definition kept as JSON text). */
public final class Views {

  private final MongoCollection<Document> views;

  public Views(MongoDatabase database) {
    this.views = database.getCollection("_views");
  }

  public void put(String app, String key, JsonNode definition) {
    views.replaceOne(Filters.eq("_id", app + ":" + key),
        new Document("_id", app + ":" + key).append("app", app).append("key", key).append("definition", definition.toString()),
        new ReplaceOptions().upsert(true));
  }

  public Map<String, JsonNode> of(String app) {
    Map<String, JsonNode> result = new LinkedHashMap<>();
    views.find(Filters.eq("app", app)).sort(Sorts.ascending("key"))
        .forEach(d -> result.put(d.getString("key"), Json.MAPPER.readTree(d.getString("definition"))));
    return result;
  }

  public void remove(String app, String key) {
    views.deleteOne(Filters.eq("_id", app + ":" + key));
  }

  public void removeAll(String app) {
    views.deleteMany(Filters.eq("app", app));
  }
}
