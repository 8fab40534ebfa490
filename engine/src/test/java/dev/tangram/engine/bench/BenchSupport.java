package dev.tangram.engine.bench;

import de.bwaldvogel.mongo.MongoServer;
import dev.tangram.engine.store.EmbeddedH2Backend;
import org.h2.mvstore.MVStore;
import dev.tangram.engine.testing.EmbeddedMongo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** Shared helpers of the benchmark harnesses: the embedded default store and result output. */
final class BenchSupport {

  private BenchSupport() {}

  /**
   * mongo-java-server with the H2 backend on a fresh file, its page cache sized as the app's
   * embedded default ({@code tangram.embedded-mongo.cache-size}, here {@code -Dbench.cacheMb}).
   */
  static EmbeddedMongo embeddedH2() {
    try {
      Path dir = Files.createTempDirectory("tangram-bench");
      int cacheMb = Integer.getInteger("bench.cacheMb", 256);
      MVStore store = new MVStore.Builder().fileName(dir.resolve("mongo.mv").toString()).cacheSize(cacheMb).open();
      return new EmbeddedMongo(new MongoServer(new EmbeddedH2Backend(store)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** Prints and appends to {@code target/bench-results.txt}, so a run leaves its figures behind. */
  static void report(String line) {
    System.out.println(line);
    try {
      Files.writeString(Path.of("target", "bench-results.txt"), line + System.lineSeparator(),
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
