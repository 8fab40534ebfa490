package dev.tangram.engine.views;

import tools.jackson.databind.JsonNode;

/**
 * A saved list view or dashboard of an app.
 *
 * @param type       {@code list} or {@code dashboard}
 * @param definition the whole definition as saved (title, form, columns, widgets, …)
 */
public record View(String app, String key, String type, JsonNode definition) {

  /** The title in {@code locale}, falling back to English, then to the key. */
  public String title(String locale) {
    return ViewChecker.title(definition, locale, key);
  }
}
