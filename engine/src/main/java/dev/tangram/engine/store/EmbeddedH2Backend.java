package dev.tangram.engine.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.tangram.engine.store.internal.ValueOrderedH2Database;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend whose unique indexes (among them every collection's {@code _id})
 * order their keys by value. As shipped, an index key is an object H2 does not know, so H2 compares
 * two keys by serializing both with Java serialization, on every step of every index lookup: half
 * of the store's CPU under write load went there. Index maps of this backend have their own names;
 * an index last written by the stock backend is rebuilt from its collection when opened.
 */
public final class EmbeddedH2Backend extends H2Backend {

  public EmbeddedH2Backend(MVStore store) {
    super(store);
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new ValueOrderedH2Database(databaseName, getMvStore(), getCursorRegistry());
  }
}
