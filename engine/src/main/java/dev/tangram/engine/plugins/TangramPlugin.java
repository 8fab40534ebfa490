package dev.tangram.engine.plugins;

import java.util.List;

/**
 * A Java extension of the engine for work that must not be scripted (MRP, ledger posting).
 *
 * <p>Implementations are found at start-up through {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/dev.tangram.engine.plugins.TangramPlugin} entry) and as Spring beans in
 * the runtime. Two plugins with the same {@link #id()} are a start-up error. Actions are called
 * from rules ({@code plugins.call('ledger', 'post', {...})}), from flow action nodes and from
 * {@code POST /api/v1/apps/{app}/plugins/{plugin}/{action}}.
 */
public interface TangramPlugin {

  /** Stable identifier used by callers, e.g. {@code "mrp"}; {@code [a-z][a-z0-9-]*}. */
  String id();

  /** Semantic version of the plugin, checked against a template's {@code requires.plugins}. */
  String version();

  /** The actions this plugin offers; names are unique within the plugin. Called once at start-up. */
  List<PluginAction<?, ?>> actions();

  /** Lower runs first when several plugins react to the same thing; ties keep discovery order. */
  default int priority() {
    return 0;
  }
}
