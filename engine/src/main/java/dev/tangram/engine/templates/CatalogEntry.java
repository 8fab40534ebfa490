package dev.tangram.engine.templates;

import dev.tangram.engine.common.FieldError;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One template of the marketplace: what it is, what it needs, what installing it creates, and
 * whether (and in which version) it is installed. A package that fails its checks is listed with
 * its {@link #problems} and cannot be installed.
 *
 * @param creates counts of what installing creates: forms, flows, rules, views, records (seed data)
 */
public record CatalogEntry(String key, String version, Map<String, String> name, Map<String, String> description,
    String category, List<String> requiredPlugins, List<String> requiredTemplates, List<Parameter> parameters,
    List<String> forms, Map<String, Integer> creates, String origin, @Nullable String installedVersion,
    List<FieldError> problems) {

  /** A parameter as the install dialog shows it. */
  public record Parameter(String key, String type, Map<String, String> label, @Nullable Object defaultValue,
      boolean required, List<String> options) {}
}
