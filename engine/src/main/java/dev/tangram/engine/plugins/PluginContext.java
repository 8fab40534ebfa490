package dev.tangram.engine.plugins;

import dev.tangram.engine.records.AppRecords;
import org.jspecify.annotations.Nullable;

/**
 * What the engine hands a plugin action for one call: the app it runs in, who asked, and the
 * app's records.
 *
 * @param app     key of the app the call belongs to
 * @param actor   username of the user (or token, or rule) on whose behalf the action runs; it is
 *                recorded as the author of what the action writes
 * @param records the app's records as the system sees them (no user permissions; validated writes,
 *                idempotent per operation key); null where a caller has no store (pure calculations)
 */
public record PluginContext(String app, String actor, @Nullable AppRecords records) {

  /** A context for actions that only compute (no store). */
  public PluginContext(String app, String actor) {
    this(app, actor, null);
  }

  /** The app's records, or a clear error for an action that needs them but was called without. */
  public AppRecords requireRecords() {
    if (records == null) {
      throw new PluginActionException("noStore", null, "This action reads and writes records; call it within an app");
    }
    return records;
  }
}
