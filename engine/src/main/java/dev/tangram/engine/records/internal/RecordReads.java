package dev.tangram.engine.records.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.tangram.engine.common.NotFoundException;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.forms.FormVersion;
import dev.tangram.engine.records.Record;
import dev.tangram.engine.records.RecordPage;
import dev.tangram.engine.records.RecordQuery;
import dev.tangram.engine.schema.CompiledForm;
import dev.tangram.engine.schema.CompiledFormCache;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Finding records and turning stored documents into {@link Record}s. */
public final class RecordReads {

  private final MongoDatabase database;
  private final FormService forms;
  private final CompiledFormCache compiled;
  private final RecordIndexes indexes = new RecordIndexes();

  public RecordReads(MongoDatabase database, FormService forms, CompiledFormCache compiled) {
    this.database = database;
    this.forms = forms;
    this.compiled = compiled;
  }

  /** The record collection of a form, its indexes created for this version. */
  public MongoCollection<Document> collection(CompiledForm form) {
    FormVersion v = form.version();
    MongoCollection<Document> records = database.getCollection(RecordCollections.records(v.app(), v.form()));
    indexes.ensure(records, form);
    return records;
  }

  public @Nullable Document findDocument(String app, String form, String id) {
    if (!ObjectId.isValid(id)) {
      return null;
    }
    return database.getCollection(RecordCollections.records(app, form)).find(Filters.eq("_id", new ObjectId(id))).first();
  }

  public Document getDocument(String app, String form, String id) {
    Document d = findDocument(app, form, id);
    if (d == null) {
      forms.getDraft(app, form); // a missing app or form is reported as such
      throw new NotFoundException("id", "Form '" + form + "' has no record " + id);
    }
    return d;
  }

  public ObjectId parseId(String id) {
    if (!ObjectId.isValid(id)) {
      throw new NotFoundException("id", "There is no record " + id);
    }
    return new ObjectId(id);
  }

  /** A page of records matching {@code query} within {@code rows} (null: every row). */
  public RecordPage query(String app, String form, RecordQuery query, @Nullable Bson rows) {
    CompiledForm latest = compiled.get(forms.getLatestPublished(app, form));
    RecordQueryTranslator.Translated asked = RecordQueryTranslator.translate(latest.version().definition(), query);
    RecordQueryTranslator.Translated translated = rows == null ? asked
        : new RecordQueryTranslator.Translated(Filters.and(asked.filter(), rows), asked.sort());
    MongoCollection<Document> records = collection(latest);
    List<Record> items = new ArrayList<>();
    records.find(translated.filter()).sort(translated.sort()).skip(query.page() * query.size()).limit(query.size())
        .forEach(d -> items.add(toRecord(definitionOf(app, form, d, latest), d)));
    long total = records.countDocuments(translated.filter());
    return new RecordPage(items, total, query.page(), query.size());
  }

  public ObjectNode dataJson(CompiledForm form, Document stored) {
    return RecordDataMapper.toJson(form.version().definition(), stored);
  }

  public Record toRecord(FormDefinition definition, Document d) {
    return new Record(d.getObjectId("_id").toHexString(), d.getString("app"), d.getString("form"),
        d.getInteger("formVersion"), RecordDataMapper.toJson(definition, d.get("data", Document.class)),
        d.getString("status"), d.getString("createdBy"), d.getDate("createdAt").toInstant(),
        d.getString("updatedBy"), d.getDate("updatedAt").toInstant(), ((Number) d.get("version")).longValue());
  }

  public static ObjectNode dataOf(JsonNode body) {
    return SubmittedData.of(body);
  }

  public static String fieldOfDuplicate(String message) {
    return RecordIndexes.fieldOfDuplicate(message);
  }

  private FormDefinition definitionOf(String app, String form, Document d, CompiledForm latest) {
    int version = d.getInteger("formVersion");
    return version == latest.version().version() ? latest.version().definition() : forms.getVersion(app, form, version).definition();
  }
}
