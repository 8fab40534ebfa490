package dev.tangram.engine.common;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Values read from the store, trusted for a short time so hot paths cost no extra read. A change
 * made on this node invalidates at once; one made on another node is seen within the time to live.
 *
 * @param <V> the cached value; values failing {@code keep} are returned but not remembered
 */
public final class ExpiringCache<V> {

  private record Entry<V>(V value, long loadedAt) {}

  private final long ttlNanos;
  private final Function<String, V> loader;
  private final Predicate<V> keep;
  private final ConcurrentMap<String, Entry<V>> entries = new ConcurrentHashMap<>();

  public ExpiringCache(Duration ttl, Function<String, V> loader, Predicate<V> keep) {
    this.ttlNanos = ttl.toNanos();
    this.loader = loader;
    this.keep = keep;
  }

  public V get(String key) {
    long now = System.nanoTime();
    Entry<V> entry = entries.get(key);
    if (entry == null || now - entry.loadedAt() > ttlNanos) {
      entry = new Entry<>(loader.apply(key), now);
      if (keep.test(entry.value())) {
        entries.put(key, entry);
      }
    }
    return entry.value();
  }

  public void invalidate(String key) {
    entries.remove(key);
  }

  /** Forgets every key that starts with {@code prefix}. */
  public void invalidatePrefix(String prefix) {
    entries.keySet().removeIf(k -> k.startsWith(prefix));
  }
}
