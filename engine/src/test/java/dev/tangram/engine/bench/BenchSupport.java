package dev.tangram.engine.bench;

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
    return EmbeddedMongo.onH2File(Integer.getInteger("bench.cacheMb", 256));
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
