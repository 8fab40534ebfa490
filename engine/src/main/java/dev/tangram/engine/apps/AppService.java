package dev.tangram.engine.apps;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.Keys;
import dev.tangram.engine.common.MongoWrites;
import dev.tangram.engine.common.NotFoundException;
import dev.tangram.engine.common.ValidationException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/** Creates, lists and finds apps. Stored in the {@code _apps} collection, one document per app. */
public final class AppService {

  static final String COLLECTION = "_apps";
  private final MongoCollection<Document> apps;
  private final Clock clock;

  public AppService(MongoDatabase database, Clock clock) {
    this.apps = database.getCollection(COLLECTION);
    this.clock = clock;
  }

  public App create(String key, @Nullable String name, @Nullable String description, String actor) {
    List<FieldError> errors = new ArrayList<>();
    if (!Keys.isValid(key)) {
      errors.add(new FieldError("key", "pattern", "'" + key + "' is not a valid app key: use a letter, then letters, digits or _ (at most 64)"));
    }
    if (name != null && (name.isBlank() || name.length() > 100)) {
      errors.add(new FieldError("name", "length", "An app name has 1 to 100 characters"));
    }
    if (description != null && description.length() > 2_000) {
      errors.add(new FieldError("description", "maxLength", "The description is longer than 2000 characters"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    App app = new App(key, name == null ? key : name, description, actor, clock.instant());
    MongoWrites.insertOrConflict(apps, new Document("_id", key).append("name", app.name()).append("description", description)
        .append("createdBy", actor).append("createdAt", Date.from(app.createdAt())), "key", "An app with key '" + key + "' already exists");
    return app;
  }

  public List<App> list() {
    List<App> result = new ArrayList<>();
    apps.find().sort(Sorts.ascending("_id")).forEach(d -> result.add(toApp(d)));
    return result;
  }

  public Optional<App> find(String key) {
    return Optional.ofNullable(apps.find(Filters.eq("_id", key)).first()).map(AppService::toApp);
  }

  public App get(String key) {
    return find(key).orElseThrow(() -> new NotFoundException("app", "There is no app '" + key + "'"));
  }

  /** Removes the app entry; callers remove its forms and records first (see the record store). */
  public void remove(String key) {
    if (apps.deleteOne(Filters.eq("_id", key)).getDeletedCount() == 0) {
      throw new NotFoundException("app", "There is no app '" + key + "'");
    }
  }

  private static App toApp(Document d) {
    return new App(d.getString("_id"), d.getString("name"), d.getString("description"),
        d.getString("createdBy"), d.getDate("createdAt").toInstant());
  }
}
