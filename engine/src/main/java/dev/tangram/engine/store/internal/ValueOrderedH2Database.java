package dev.tangram.engine.store.internal;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.jspecify.annotations.Nullable;

/**
 * An H2 database whose unique indexes live in maps ordered by {@link IndexKeyOrder}. Their maps are
 * named {@code <collection>._vindex_<index>}; the stock backend's {@code _index_} map of the same
 * index is dropped when found, together with ours (the stock backend wrote since, so ours may be
 * stale), and the collection refills the empty index from its documents.
 */
public final class ValueOrderedH2Database extends H2Database {

  /** The store while the super constructor opens the existing indexes, before {@link #store} is set. */
  private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

  private final @Nullable MVStore store;

  public ValueOrderedH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
    super(databaseName, opening(store), cursorRegistry);
    OPENING.remove();
    this.store = store;
  }

  private static MVStore opening(MVStore store) {
    OPENING.set(store);
    return store;
  }

  private MVStore store() {
    MVStore s = store != null ? store : OPENING.get();
    if (s == null) {
      throw new IllegalStateException("No store while opening database " + getDatabaseName());
    }
    return s;
  }

  @Override
  protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
    MVStore s = store();
    String name = mapName(collectionName, indexName);
    String stock = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
    if (s.hasMap(stock)) {
      s.removeMap(stock);
      if (s.hasMap(name)) {
        s.removeMap(name);
      }
    }
    MVMap<KeyValue, Object> map = s.openMap(name, new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyOrder()));
    return new ValueOrderedUniqueIndex(map, indexName, keys, sparse);
  }

  @Override
  protected void dropIndex(MongoCollection<Object> collection, String indexName) {
    super.dropIndex(collection, indexName);
    MVStore s = store();
    String name = mapName(collection.getCollectionName(), indexName);
    if (s.hasMap(name)) {
      s.removeMap(name);
    }
  }

  private String mapName(String collectionName, String indexName) {
    return getFullCollectionNamespace(collectionName) + "._vindex_" + indexName;
  }
}
