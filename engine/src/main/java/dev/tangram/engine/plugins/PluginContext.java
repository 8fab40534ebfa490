package dev.tangram.engine.plugins;

/**
 * What the engine hands a plugin action for one call: the app it runs in and who asked.
 *
 * @param app   key of the app the call belongs to
 * @param actor username of the user (or token) on whose behalf the action runs
 */
public record PluginContext(String app, String actor) {}
