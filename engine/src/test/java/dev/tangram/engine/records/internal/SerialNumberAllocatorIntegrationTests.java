package dev.tangram.engine.records.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tangram.engine.testing.EmbeddedMongo;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SerialNumberAllocatorIntegrationTests {

  @Test
  void numbersStayUniqueAndGaplessUnderHeavyConcurrencyFromTwoAllocators() throws Exception {
    try (EmbeddedMongo mongo = new EmbeddedMongo()) {
      // Two allocators stand for two app nodes; findAndModify alone returned duplicates here.
      List<SerialNumberAllocator> nodes = List.of(new SerialNumberAllocator(mongo.database), new SerialNumberAllocator(mongo.database));
      Set<String> issued = ConcurrentHashMap.newKeySet();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        SerialNumberAllocator node = nodes.get(i % 2);
        results.add(pool.submit(() -> issued.add(node.next("app", "form", "no", "NO-{seq:5}", LocalDate.of(2026, 11, 23)))));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).as("every number is new").isTrue();
      }
      pool.shutdown();
      assertThat(issued).hasSize(2_000).contains("NO-00001", "NO-02000");
    }
  }

  @Test
  void sequenceRestartsWhenTheDatePartChanges() {
    try (EmbeddedMongo mongo = new EmbeddedMongo()) {
      SerialNumberAllocator serials = new SerialNumberAllocator(mongo.database);
      assertThat(serials.next("a", "f", "no", "EXP-{yyyyMMdd}-{seq:3}", LocalDate.of(2026, 11, 23))).isEqualTo("EXP-20261123-001");
      assertThat(serials.next("a", "f", "no", "EXP-{yyyyMMdd}-{seq:3}", LocalDate.of(2026, 11, 23))).isEqualTo("EXP-20261123-002");
      assertThat(serials.next("a", "f", "no", "EXP-{yyyyMMdd}-{seq:3}", LocalDate.of(2026, 11, 24))).isEqualTo("EXP-20261124-001");
    }
  }
}
