package dev.tangram.engine.templates;

import dev.tangram.engine.access.Grant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A template package as read and checked (DESIGN §6): its manifest ({@code template.json}) and the
 * content of every file it names. Immutable; the JSON documents are not to be modified.
 *
 * @param name        display name per locale ({@code en}, {@code zh-CN})
 * @param forms       form key → definition (DESIGN §4), in manifest order
 * @param flows       form key → flow (DESIGN §5)
 * @param rules       trigger scripts attached to forms
 * @param views       view key → list view or dashboard
 * @param data        seed data sets, in the order they are loaded
 * @param labels      locale → label key → text (e.g. {@code zh-CN} → {@code item.code} → 物料编码)
 * @param migrations  what upgrading to a version does to stored records
 * @param roles       the roles its flows name; install creates those the directory lacks
 * @param permissions form key → the grants install sets on it (in place of the defaults); forms
 *                    not listed keep the defaults
 */
public record TemplatePackage(
    String key, SemVer version, Map<String, String> name, Map<String, String> description, String category,
    List<String> requiredPlugins, List<String> requiredTemplates, List<Parameter> parameters,
    Map<String, JsonNode> forms, Map<String, JsonNode> flows, List<RuleFile> rules, Map<String, JsonNode> views,
    List<DataSet> data, Map<String, Map<String, String>> labels, List<Migration> migrations, String origin,
    List<RoleSpec> roles, Map<String, List<Grant>> permissions) {

  /** The name in {@code locale}, falling back to English and then to the key. */
  public String name(String locale) {
    return name.getOrDefault(locale, name.getOrDefault("en", key));
  }

  /**
   * A value asked at install time and editable later; {@code {{param.key}}} in any string of the
   * package is replaced by it.
   *
   * @param type {@code number}, {@code money}, {@code boolean}, {@code text} or {@code select}
   */
  public record Parameter(String key, String type, Map<String, String> label, @Nullable JsonNode defaultValue,
      boolean required, List<String> options) {}

  /** A role the package's flows name ({@code gm}, {@code finance}…), with its display name per locale. */
  public record RoleSpec(String key, Map<String, String> name) {

    public String name(String locale) {
      return name.getOrDefault(locale, name.getOrDefault("en", key));
    }
  }

  /** A script file ({@code rules/<file>.js}) installed as a trigger of {@code form}. */
  public record RuleFile(String file, String form, String name, List<String> on, String phase, String script) {}

  /** Seed records of one form; {@code @id} names a record, {@code "@name"} values refer to one. */
  public record DataSet(String file, String form, List<JsonNode> records) {}

  /**
   * Applied to the stored records of {@code form} when an upgrade crosses {@code version}.
   *
   * @param rename old field key → new field key
   * @param remove field keys whose values are dropped
   */
  public record Migration(SemVer version, String form, Map<String, String> rename, List<String> remove) {}
}
