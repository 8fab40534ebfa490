package dev.tangram.engine.templates.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.templates.InstallProgress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The install journal, collection {@code _template_installs}, one document per app: which
 * template and version, its parameters, the steps planned and done, and the package as shipped
 * (the base of a later three-way merge). Each step is written here once it is done, so a restart
 * knows where an interrupted operation stopped.
 */
public final class Installations {

  public static final String INSTALLING = "installing";
  public static final String UPGRADING = "upgrading";
  public static final String INSTALLED = "installed";
  /** Uninstalled without purge: the data is kept and found again by the next install. */
  public static final String KEPT = "uninstalled";

  private final MongoCollection<Document> journal;
  private final Clock clock;

  public Installations(MongoDatabase database, Clock clock) {
    this.journal = database.getCollection("_template_installs");
    this.clock = clock;
  }

  public Optional<Document> find(String app) {
    return Optional.ofNullable(journal.find(Filters.eq("_id", app)).first());
  }

  public List<Document> all() {
    return journal.find().into(new ArrayList<>());
  }

  public List<Document> inState(String... states) {
    return journal.find(Filters.in("state", (Object[]) states)).into(new ArrayList<>());
  }

  /** Starts (or restarts) an operation: the whole plan is written before its first step. */
  public void begin(String app, Document plan) {
    Document doc = new Document(plan).append("_id", app).append("doneSteps", new ArrayList<String>())
        .append("startedAt", Date.from(clock.instant())).append("finishedAt", null).append("error", null);
    journal.replaceOne(Filters.eq("_id", app), doc, new ReplaceOptions().upsert(true));
  }

  public void stepDone(String app, String step, int done) {
    journal.updateOne(Filters.eq("_id", app), Updates.combine(Updates.addToSet("doneSteps", step),
        Updates.set("done", done), Updates.set("current", step)));
  }

  public void set(String app, String field, Object value) {
    journal.updateOne(Filters.eq("_id", app), Updates.set(field, value));
  }

  public void finish(String app, Document installed) {
    journal.updateOne(Filters.eq("_id", app), Updates.combine(Updates.set("state", INSTALLED),
        Updates.set("finishedAt", Date.from(clock.instant())), Updates.unset("pending"),
        Updates.set("version", installed.getString("version")), Updates.set("params", installed.get("params")),
        Updates.set("shipped", installed.get("shipped")), Updates.set("requires", installed.get("requires")),
        Updates.set("origin", installed.getString("origin")), Updates.set("seeded", installed.get("seeded"))));
  }

  public void fail(String app, String error) {
    journal.updateOne(Filters.eq("_id", app), Updates.combine(Updates.set("error", error), Updates.set("finishedAt", Date.from(clock.instant()))));
  }

  public void remove(String app) {
    journal.deleteOne(Filters.eq("_id", app));
  }

  public static InstallProgress progress(Document d) {
    List<?> steps = d.getList("steps", Object.class, List.of());
    return new InstallProgress(d.getString("_id"), d.getString("template"), d.getString("version"), d.getString("state"),
        d.getInteger("done", 0), steps.size(), d.getString("current"), d.getDate("startedAt").toInstant(),
        d.getDate("finishedAt") == null ? null : d.getDate("finishedAt").toInstant(), d.getString("error"));
  }

  /** Documents kept as JSON text, so that numbers come back exactly as written. */
  public static Document texts(Map<String, JsonNode> documents) {
    Document d = new Document();
    documents.forEach((k, v) -> d.append(k, v.toString()));
    return d;
  }

  public static Map<String, JsonNode> fromTexts(@Nullable Document d) {
    Map<String, JsonNode> map = new LinkedHashMap<>();
    if (d != null) {
      d.forEach((k, v) -> map.put(k, Json.MAPPER.readTree((String) v)));
    }
    return map;
  }
}
