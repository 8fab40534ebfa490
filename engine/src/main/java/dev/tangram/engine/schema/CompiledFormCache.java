package dev.tangram.engine.schema;

import dev.tangram.engine.forms.FormVersion;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Compiled forms by {@code app:form:version}. Published versions never change, so entries never go
 * stale; the cache is bounded by the number of published versions in the store.
 */
public final class CompiledFormCache {

  private final ConcurrentMap<String, CompiledForm> compiled = new ConcurrentHashMap<>();

  public CompiledForm get(FormVersion version) {
    return compiled.computeIfAbsent(version.app() + ":" + version.form() + ":" + version.version(), k -> CompiledForm.of(version));
  }
}
