package dev.tangram.plugins.ledger;

import static dev.tangram.engine.testing.Fixtures.json;

import com.mongodb.client.MongoCollection;
import dev.tangram.engine.access.Actor;
import dev.tangram.engine.records.AppRecords;
import dev.tangram.engine.records.Record;
import dev.tangram.engine.testing.EmbeddedMongo;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Vouchers posted per second through the plugin's {@code post} action on real records (read the
 * record and its relations, catch up with the journal, post, write one {@code ledger_entry} record
 * through the records API), against bare {@code insertOne}s of the same entry documents into a
 * plain collection of the same MongoDB, in one run. Run with
 * {@code ./tangram mvn -B -q -Pbench -pl plugins/ledger -am test -Dtest=LedgerBenchmark}; prints its figures.
 */
@Tag("bench")
class LedgerBenchmark {

  private static final Actor ALICE = Actor.user("alice", Set.of("ADMIN"), List.of());
  private static final int WARM_UP = 200;
  private static final int MEASURED = 1_000;

  @Test
  void vouchersPerSecondThroughThePluginVersusBareInserts() {
    try (EmbeddedMongo mongo = new EmbeddedMongo()) {
      mongo.apps.create("inv", "Inventory", null, "admin");
      form(mongo, LedgerPostIntegrationTests.ledgerEntryForm());
      form(mongo, json("{'key':'goods_receipt','name':'Goods receipt','fields':[{'key':'no','type':'text'},"
          + "{'key':'supplier','type':'text'},{'key':'warehouse','type':'text'},{'key':'receiptDate','type':'date'},"
          + "{'key':'lines','type':'subform','fields':[{'key':'item','type':'text'},{'key':'qty','type':'number'},"
          + "{'key':'unitCost','type':'money'}]}]}"));
      form(mongo, json("{'key':'delivery','name':'Delivery','fields':[{'key':'no','type':'text'},"
          + "{'key':'customer','type':'text'},{'key':'warehouse','type':'text'},{'key':'deliveryDate','type':'date'},"
          + "{'key':'lines','type':'subform','fields':[{'key':'item','type':'text'},{'key':'qty','type':'number'}]}]}"));
      AppRecords records = mongo.records.forApp("inv", "bench");
      LedgerPlugin ledger = new LedgerPlugin(Clock.systemUTC());

      post(ledger, records, documents(mongo, "W", WARM_UP));
      List<Record> measured = documents(mongo, "M", MEASURED);
      long start = System.nanoTime();
      List<PostResult> results = post(ledger, records, measured);
      double pluginSeconds = (System.nanoTime() - start) / 1e9;
      int vouchers = results.stream().mapToInt(r -> r.vouchers().size()).sum();

      // The same entry documents, inserted bare: no reading, no posting, no validation.
      List<Document> bare = new ArrayList<>();
      for (Record entry : records.find("ledger_entry", List.of(), 200)) bare.add(Document.parse(entry.data().toString()));
      MongoCollection<Document> collection = mongo.database.getCollection("bench_bare_entries");
      List<Document> copies = new ArrayList<>();
      for (int i = 0; i < MEASURED; i++) copies.add(new Document(bare.get(i % bare.size())));
      for (int i = 0; i < WARM_UP; i++) collection.insertOne(new Document(bare.get(i % bare.size())));
      start = System.nanoTime();
      for (Document d : copies) collection.insertOne(d);
      double bareSeconds = (System.nanoTime() - start) / 1e9;

      // And the same entries written through the records API alone (validation, events, history), no ledger.
      form(mongo, json("{'key':'entry_copy','name':'Entry copy','fields':" + LedgerPostIntegrationTests.ledgerEntryForm().get("fields") + "}"));
      List<Record> entries = records.find("ledger_entry", List.of(), 200);
      start = System.nanoTime();
      for (int i = 0; i < MEASURED; i++) {
        var data = entries.get(i % entries.size()).data().deepCopy();
        data.put("seq", i + 1);
        records.create("entry_copy", data, "copy-" + i);
      }
      double recordsSeconds = (System.nanoTime() - start) / 1e9;

      double pluginRate = vouchers / pluginSeconds;
      double bareRate = MEASURED / bareSeconds;
      double recordsRate = MEASURED / recordsSeconds;
      System.out.printf("ledger post: %,d vouchers in %.2f s = %,.0f vouchers/s; the same entries through the records API"
          + " alone: %,.0f/s; bare inserts: %,.0f/s; plugin / bare = %.3f (%.1f× slower), plugin / records API = %.2f%n",
          vouchers, pluginSeconds, pluginRate, recordsRate, bareRate, pluginRate / bareRate, bareRate / pluginRate,
          pluginRate / recordsRate);
    }
  }

  private static List<PostResult> post(LedgerPlugin ledger, AppRecords records, List<Record> documents) {
    List<PostResult> out = new ArrayList<>();
    for (Record r : documents) out.add(ledger.service().post(records, new PostInput(r.form(), r.id(), null, null, null), false));
    return out;
  }

  /** Receipts and deliveries of 50 items in turn, all dated one day, each delivery within stock. */
  private static List<Record> documents(EmbeddedMongo mongo, String prefix, int count) {
    List<Record> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String item = "G" + (i / 2 % 50);
      String data = i % 2 == 0
          ? "{'no':'" + prefix + "GR" + i + "','supplier':'S1','warehouse':'MAIN','receiptDate':'2025-03-03',"
              + "'lines':[{'item':'" + item + "','qty':10,'unitCost':12.34}]}"
          : "{'no':'" + prefix + "DN" + i + "','customer':'C1','warehouse':'MAIN','deliveryDate':'2025-03-03',"
              + "'lines':[{'item':'" + item + "','qty':3}]}";
      out.add(mongo.records.submit("inv", i % 2 == 0 ? "goods_receipt" : "delivery", json("{'data':" + data + "}"), ALICE));
    }
    return out;
  }

  private static void form(EmbeddedMongo mongo, JsonNode definition) {
    mongo.forms.create("inv", definition, "admin");
    mongo.forms.publish("inv", definition.get("key").asString(), "admin");
  }
}
