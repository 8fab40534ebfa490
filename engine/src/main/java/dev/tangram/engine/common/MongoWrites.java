package dev.tangram.engine.common;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

/** Inserts whose only expected failure, a duplicate key, becomes a 409 naming the field. */
public final class MongoWrites {

  private MongoWrites() {}

  public static void insertOrConflict(MongoCollection<Document> collection, Document document, String field, String duplicateMessage) {
    insertOrConflict(collection, document, field, "duplicate", duplicateMessage);
  }

  public static void insertOrConflict(MongoCollection<Document> collection, Document document, String field, String code, String duplicateMessage) {
    try {
      collection.insertOne(document);
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        throw new ConflictException(field, code, duplicateMessage);
      }
      throw e;
    }
  }
}
