package dev.tangram.engine.records.internal;

import com.mongodb.client.MongoCollection;
import dev.tangram.engine.events.EventOutbox;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.tangram.engine.forms.FieldDefinition;
import dev.tangram.engine.schema.CompiledForm;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;

/**
 * Creates a form's indexes the first time this node writes or reads a published version of it:
 * a unique index per {@code unique} field and per serial ({@code u_<field>}), and one targeted
 * index per {@code indexed} field ({@code i_<field>}) — the shapes the list query issues, so a
 * real MongoDB uses them. Creating an index that exists is a no-op, so nodes need not agree.
 */
final class RecordIndexes {

  private final Set<String> prepared = ConcurrentHashMap.newKeySet();

  void ensure(MongoCollection<Document> records, CompiledForm form) {
    String key = records.getNamespace().getFullName() + ":" + form.version().version();
    if (prepared.contains(key)) {
      return;
    }
    for (FieldDefinition field : form.version().definition().fields()) {
      if (field.unique() || "serial".equals(field.type())) {
        records.createIndex(Indexes.ascending("data." + field.key()),
            new IndexOptions().name("u_" + field.key()).unique(true).sparse(true));
      } else if (field.indexed()) {
        records.createIndex(Indexes.ascending("data." + field.key()), new IndexOptions().name("i_" + field.key()));
      }
    }
    records.createIndex(Indexes.ascending(EventOutbox.OUTBOX_AT), new IndexOptions().name("outbox_at"));
    prepared.add(key);
  }

  /** The field a duplicate-key error is about, read from the index name in its message. */
  static String fieldOfDuplicate(String message) {
    int at = message.indexOf("u_");
    if (at < 0) {
      return "";
    }
    int end = at + 2;
    while (end < message.length() && (Character.isLetterOrDigit(message.charAt(end)) || message.charAt(end) == '_')) {
      end++;
    }
    return message.substring(at + 2, end);
  }
}
