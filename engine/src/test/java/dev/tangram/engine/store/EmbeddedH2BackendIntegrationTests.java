package dev.tangram.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store's unique indexes ordered by value: same answers as the stock backend, across restarts and switches. */
class EmbeddedH2BackendIntegrationTests {

  @TempDir
  Path dir;

  private void withStore(Function<MVStore, MongoBackend> backend, Consumer<MongoCollection<Document>> work) {
    withStore(new MVStore.Builder(), backend, work);
  }

  private void withStore(MVStore.Builder store, Function<MVStore, MongoBackend> backend, Consumer<MongoCollection<Document>> work) {
    MongoServer server = new MongoServer(backend.apply(store.fileName(dir.resolve("mongo.mv").toString()).open()));
    try (MongoClient client = MongoClients.create("mongodb://" + server.bind().getHostString() + ":" + server.getLocalAddress().getPort())) {
      work.accept(client.getDatabase("tangram").getCollection("things"));
    } finally {
      server.shutdownNow();
    }
  }

  private static Document thing(Object id, String code, Object value) {
    return new Document("_id", id).append("code", code).append("value", value);
  }

  @Test
  void uniqueIndexesFindInsertUpdateAndRefuseDuplicatesOfEveryKeyType() {
    // Without H2's background writer: the collection's own document map (the stock backend's, keyed
    // by the raw _id) remembers the last key type it saw unsynchronized, so with _ids of mixed types
    // a page write racing an insert can fail it ("Can not compare"), about one run in six. Tangram's
    // collections each have one _id type; the unique indexes under test are ordered by value.
    withStore(new MVStore.Builder().autoCommitDisabled(), EmbeddedH2Backend::new, things -> {
      things.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true).sparse(true));
      List<Object> ids = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        ids.add(switch (i % 5) {
          case 0 -> new ObjectId();
          case 1 -> "id-" + i;
          case 2 -> (double) i;
          case 3 -> Long.MAX_VALUE - i;
          default -> new Document("part", i);
        });
      }
      for (int i = 0; i < ids.size(); i++) {
        things.insertOne(thing(ids.get(i), "c" + i, i % 3 == 0 ? Date.from(Instant.ofEpochSecond(i)) : i % 3 == 1));
      }
      for (int i = 0; i < ids.size(); i++) {
        Document found = things.find(Filters.eq("_id", ids.get(i))).first();
        assertThat(found).as("by _id %s", ids.get(i)).isNotNull();
        assertThat(found.getString("code")).isEqualTo("c" + i);
        assertThat(things.find(Filters.eq("code", "c" + i)).first()).isNotNull();
      }
      assertThat(things.find(Filters.in("_id", ids.subList(100, 140))).into(new ArrayList<>())).hasSize(40);
      assertThat(things.find(Filters.in("code", List.of("c1", "c2", "nope"))).into(new ArrayList<>())).hasSize(2);
      assertThatThrownBy(() -> things.insertOne(thing(ids.get(7), "fresh", 1))).isInstanceOfSatisfying(MongoWriteException.class,
          e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
      assertThatThrownBy(() -> things.insertOne(thing("fresh", "c9", 1))).isInstanceOf(MongoWriteException.class);
      assertThatThrownBy(() -> things.insertOne(thing(7, "c-int", 1))).as("the int 7 is the key 7.0").isInstanceOf(MongoWriteException.class);
      things.updateOne(Filters.eq("_id", ids.get(3)), Updates.set("code", "moved"));
      assertThat(things.find(Filters.eq("code", "c3")).first()).isNull();
      assertThat(things.find(Filters.eq("code", "moved")).first()).isNotNull();
      things.insertOne(thing("again", "c3", 1)); // the old key is free again
      things.deleteMany(Filters.in("_id", ids.subList(0, 250)));
      assertThat(things.countDocuments()).isEqualTo(251);
      assertThat(things.find(Filters.eq("_id", ids.get(10))).first()).isNull();
      assertThat(things.find(Filters.eq("_id", ids.get(260))).first()).isNotNull();
    });
  }

  @Test
  void indexesSurviveARestartAndAreRebuiltAfterTheStockBackendWroteTheFile() {
    List<ObjectId> ids = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      ids.add(new ObjectId());
    }
    withStore(H2Backend::new, things -> { // a file the stock backend wrote
      things.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
      ids.subList(0, 100).forEach(id -> things.insertOne(thing(id, id.toHexString(), 1)));
    });
    withStore(EmbeddedH2Backend::new, things -> {
      assertStored(things, ids.subList(0, 100));
      ids.subList(100, 200).forEach(id -> things.insertOne(thing(id, id.toHexString(), 1)));
    });
    withStore(EmbeddedH2Backend::new, things -> assertStored(things, ids.subList(0, 200))); // a restart
    withStore(H2Backend::new, things -> { // back to the stock backend, which writes again
      assertStored(things, ids.subList(0, 200));
      things.deleteMany(Filters.in("_id", ids.subList(0, 50)));
      ids.subList(200, 300).forEach(id -> things.insertOne(thing(id, id.toHexString(), 1)));
    });
    withStore(EmbeddedH2Backend::new, things -> { // ours again: nothing stale from before
      assertStored(things, ids.subList(50, 300));
      assertThat(things.find(Filters.eq("_id", ids.get(10))).first()).isNull();
      things.insertOne(thing(ids.get(10), ids.get(10).toHexString(), 2)); // its keys were freed
      assertThat(things.countDocuments()).isEqualTo(251);
    });
    MVStore store = new MVStore.Builder().fileName(dir.resolve("mongo.mv").toString()).open();
    try {
      assertThat(store.getMapNames()).contains("tangram.things._vindex__id_", "tangram.things._vindex_code_1")
          .noneMatch(name -> name.contains("._index_"));
    } finally {
      store.close();
    }
  }

  private static void assertStored(MongoCollection<Document> things, List<ObjectId> ids) {
    assertThat(things.countDocuments()).isEqualTo(ids.size());
    for (ObjectId id : ids) {
      assertThat(things.find(Filters.eq("_id", id)).first()).as("by _id").isNotNull();
      assertThat(things.find(Filters.eq("code", id.toHexString())).first()).as("by code").isNotNull();
      assertThatThrownBy(() -> things.insertOne(thing(id, "other", 1))).isInstanceOf(MongoWriteException.class);
      assertThatThrownBy(() -> things.insertOne(thing(new ObjectId(), id.toHexString(), 1))).isInstanceOf(MongoWriteException.class);
    }
  }
}
