package dev.tangram.engine.forms;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.tangram.engine.apps.AppService;
import dev.tangram.engine.common.ConflictException;
import dev.tangram.engine.common.ExpiringCache;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.common.Keys;
import dev.tangram.engine.common.MongoWrites;
import dev.tangram.engine.common.NotFoundException;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.forms.internal.FormDefinitions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Form definitions of an app: create, read and save the draft, publish frozen numbered versions.
 * Drafts live in {@code _forms} (one document per form), versions in {@code _form_versions}.
 */
public final class FormService {

  private final MongoCollection<Document> forms;
  private final MongoCollection<Document> versions;
  private final AppService apps;
  private final Clock clock;
  /** The newest published version per {@code app:form}; forms not yet published are not remembered. */
  private final ExpiringCache<Optional<FormVersion>> latest;
  private final @Nullable FormScriptChecker scripts;
  private final ConcurrentMap<String, FormVersion> publishedVersions = new ConcurrentHashMap<>();

  /**
   * @param latestVersionTtl how long this node trusts its idea of a form's latest published
   *     version; another node's publish becomes visible here after at most this long
   */
  public FormService(MongoDatabase database, AppService apps, Clock clock, Duration latestVersionTtl) {
    this(database, apps, clock, latestVersionTtl, null);
  }

  /** @param scripts checks formulas and rule conditions when a form is saved; null skips them */
  public FormService(MongoDatabase database, AppService apps, Clock clock, Duration latestVersionTtl,
      @Nullable FormScriptChecker scripts) {
    this.scripts = scripts;
    this.forms = database.getCollection("_forms");
    this.versions = database.getCollection("_form_versions");
    this.apps = apps;
    this.clock = clock;
    this.latest = new ExpiringCache<>(latestVersionTtl, this::loadLatest, Optional::isPresent);
    forms.createIndex(Indexes.ascending("app", "key"));
    versions.createIndex(Indexes.ascending("app", "form", "version"));
  }

  /** Creates form {@code definition.key} with {@code definition} as its first draft. */
  public FormDefinition create(String app, JsonNode definition, String actor) {
    apps.get(app);
    JsonNode key = definition.isObject() ? definition.get("key") : null;
    if (key == null || !key.isString()) {
      throw ValidationException.of("key", "required", "The definition needs a 'key' naming the new form");
    }
    String formKey = Keys.require("key", key.asString());
    FormDefinition form = FormDefinitions.parse(definition, formKey, formKeys(app), false, scripts);
    Instant now = clock.instant();
    MongoWrites.insertOrConflict(forms, new Document("_id", id(app, formKey)).append("app", app).append("key", formKey)
        .append("draft", FormDefinitions.toStored(form)).append("publishedVersion", 0).append("draftChanged", true)
        .append("createdBy", actor).append("createdAt", Date.from(now))
        .append("updatedBy", actor).append("updatedAt", Date.from(now)),
        "key", "App '" + app + "' already has a form '" + formKey + "'");
    return form;
  }

  public FormDefinition getDraft(String app, String form) {
    return FormDefinitions.fromStored(getStored(app, form).get("draft", Document.class), form);
  }

  /** Replaces the draft; published versions and the records written with them stay as they are. */
  public FormDefinition saveDraft(String app, String form, JsonNode definition, String actor) {
    getStored(app, form);
    FormDefinition parsed = FormDefinitions.parse(definition, form, formKeys(app), false, scripts);
    forms.updateOne(Filters.eq("_id", id(app, form)), Updates.combine(
        Updates.set("draft", FormDefinitions.toStored(parsed)), Updates.set("draftChanged", true),
        Updates.set("updatedBy", actor), Updates.set("updatedAt", Date.from(clock.instant()))));
    return parsed;
  }

  /**
   * Checks {@code definition} as form {@code formKey} of an app that will hold {@code formKeys},
   * storing nothing (template packages are checked whole before anything is installed); throws one
   * {@link ValidationException} listing every problem.
   */
  public FormDefinition check(JsonNode definition, String formKey, Set<String> formKeys, boolean forPublish) {
    return FormDefinitions.parse(definition, formKey, formKeys, forPublish, scripts);
  }

  /** Freezes the current draft as the next version and returns its number. */
  public FormVersion publish(String app, String form, String actor) {
    Document stored = getStored(app, form);
    // Checked again: a related form may have been removed since the draft was saved.
    FormDefinition draft = FormDefinitions.parse(toJson(stored.get("draft", Document.class)), form, formKeys(app), true, scripts);
    Document last = versions.find(Filters.and(Filters.eq("app", app), Filters.eq("form", form)))
        .sort(Sorts.descending("version")).limit(1).first();
    int next = (last == null ? 0 : last.getInteger("version")) + 1;
    Instant now = clock.instant();
    MongoWrites.insertOrConflict(versions, new Document("_id", id(app, form) + ":" + next).append("app", app).append("form", form)
          .append("version", next).append("definition", FormDefinitions.toStored(draft))
          .append("publishedBy", actor).append("publishedAt", Date.from(now)),
        "form", "concurrentPublish", "Form '" + form + "' was published by someone else at the same moment; try again");
    forms.updateOne(Filters.eq("_id", id(app, form)), Updates.combine(
        Updates.max("publishedVersion", next), Updates.set("draftChanged", false),
        Updates.set("updatedAt", Date.from(now))));
    latest.invalidate(id(app, form));
    return new FormVersion(app, form, next, draft, now, actor);
  }

  /** A published version; cached, since published versions never change. */
  public FormVersion getVersion(String app, String form, int version) {
    String versionId = id(app, form) + ":" + version;
    FormVersion cached = publishedVersions.get(versionId);
    if (cached != null) {
      return cached;
    }
    Document d = versions.find(Filters.eq("_id", versionId)).first();
    if (d == null) {
      getStored(app, form);
      throw new NotFoundException("version", "Form '" + form + "' has no published version " + version);
    }
    FormVersion loaded = toVersion(d);
    publishedVersions.put(versionId, loaded);
    return loaded;
  }

  /** The newest published version, or a 409 telling the caller to publish first. */
  public FormVersion getLatestPublished(String app, String form) {
    return latest.get(id(app, form)).orElseThrow(() -> {
      getStored(app, form);
      return new ConflictException("form", "notPublished", "Form '" + form + "' has no published version yet; publish it first");
    });
  }

  public List<FormSummary> list(String app) {
    apps.get(app);
    List<FormSummary> result = new ArrayList<>();
    forms.find(Filters.eq("app", app)).sort(Sorts.ascending("key")).forEach(d -> result.add(new FormSummary(
        app, d.getString("key"), d.get("draft", Document.class).getString("name"), d.getInteger("publishedVersion"),
        d.getBoolean("draftChanged"), d.getDate("updatedAt").toInstant())));
    return result;
  }

  public Set<String> formKeys(String app) {
    Set<String> keys = new HashSet<>();
    forms.find(Filters.eq("app", app)).projection(new Document("key", 1)).forEach(d -> keys.add(d.getString("key")));
    return keys;
  }

  /** Removes every form and version of an app (its records are the record store's business). */
  public void removeAll(String app) {
    versions.deleteMany(Filters.eq("app", app));
    publishedVersions.keySet().removeIf(k -> k.startsWith(app + ":"));
    latest.invalidatePrefix(app + ":");
    forms.deleteMany(Filters.eq("app", app));
  }

  private Optional<FormVersion> loadLatest(String formId) {
    Document d = forms.find(Filters.eq("_id", formId)).projection(new Document("app", 1).append("key", 1).append("publishedVersion", 1)).first();
    if (d == null || d.getInteger("publishedVersion", 0) == 0) {
      return Optional.empty();
    }
    return Optional.of(getVersion(d.getString("app"), d.getString("key"), d.getInteger("publishedVersion")));
  }

  private Document getStored(String app, String form) {
    Document d = forms.find(Filters.eq("_id", id(app, form))).first();
    if (d == null) {
      apps.get(app);
      throw new NotFoundException("form", "App '" + app + "' has no form '" + form + "'");
    }
    return d;
  }

  private static JsonNode toJson(Document document) {
    return Json.MAPPER.readTree(document.toJson());
  }

  private static FormVersion toVersion(Document d) {
    String form = d.getString("form");
    return new FormVersion(d.getString("app"), form, d.getInteger("version"),
        FormDefinitions.fromStored(d.get("definition", Document.class), form),
        d.getDate("publishedAt").toInstant(), d.getString("publishedBy"));
  }

  private static String id(String app, String form) {
    return app + ":" + form;
  }
}
