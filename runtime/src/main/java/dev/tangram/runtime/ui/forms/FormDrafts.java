package dev.tangram.runtime.ui.forms;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.tangram.engine.common.Json;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * A user's unfinished new record of a form, kept until it is submitted or discarded. Unlike a
 * record, a draft may be incomplete or invalid: it is checked only when it is submitted. One draft
 * per user and form, in collection {@code _ui_drafts}.
 */
@Component
public class FormDrafts {

  private final MongoCollection<Document> drafts;
  private final Clock clock;

  FormDrafts(MongoDatabase database, Clock clock) {
    this.drafts = database.getCollection("_ui_drafts");
    this.clock = clock;
  }

  public void save(String user, String app, String form, ObjectNode data) {
    drafts.replaceOne(Filters.eq("_id", id(user, app, form)), new Document("_id", id(user, app, form))
        .append("data", Json.MAPPER.writeValueAsString(data)).append("savedAt", Date.from(clock.instant())),
        new ReplaceOptions().upsert(true));
  }

  public Optional<ObjectNode> find(String user, String app, String form) {
    Document d = drafts.find(Filters.eq("_id", id(user, app, form))).first();
    return d == null ? Optional.empty() : Optional.of((ObjectNode) Json.MAPPER.readTree(d.getString("data")));
  }

  public void discard(String user, String app, String form) {
    drafts.deleteOne(Filters.eq("_id", id(user, app, form)));
  }

  private static String id(String user, String app, String form) {
    return user + "\u0000" + app + "\u0000" + form;
  }
}
