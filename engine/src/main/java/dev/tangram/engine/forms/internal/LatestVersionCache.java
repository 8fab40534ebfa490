package dev.tangram.engine.forms.internal;

import dev.tangram.engine.forms.FormVersion;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiFunction;

/**
 * Which version of a form is the newest published one, remembered for a short time so that a
 * submit costs no extra read. A publish on this node invalidates at once; a publish on another
 * node is seen after at most the time-to-live (records keep the version they were written with,
 * so a late switch is harmless).
 */
public final class LatestVersionCache {

  private record Entry(Optional<FormVersion> version, long loadedAt) {}

  private final long ttlNanos;
  private final BiFunction<String, String, Optional<FormVersion>> loader;
  private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

  public LatestVersionCache(Duration ttl, BiFunction<String, String, Optional<FormVersion>> loader) {
    this.ttlNanos = ttl.toNanos();
    this.loader = loader;
  }

  public Optional<FormVersion> get(String app, String form) {
    String key = app + ":" + form;
    long now = System.nanoTime();
    Entry entry = entries.get(key);
    if (entry == null || now - entry.loadedAt() > ttlNanos) {
      entry = new Entry(loader.apply(app, form), now);
      if (entry.version().isPresent()) {
        entries.put(key, entry);
      }
    }
    return entry.version();
  }

  public void invalidate(String app, String form) {
    entries.remove(app + ":" + form);
  }
}
