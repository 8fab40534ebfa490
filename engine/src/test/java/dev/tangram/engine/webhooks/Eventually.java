package dev.tangram.engine.webhooks;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something asynchronous to happen; fails with a message if it does not within the limit. */
final class Eventually {

  private Eventually() {}

  static void await(String what, Duration limit, BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Not within " + limit + ": " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
