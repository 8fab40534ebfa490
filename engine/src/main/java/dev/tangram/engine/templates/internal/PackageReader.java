package dev.tangram.engine.templates.internal;

import dev.tangram.engine.access.AccessSettings;
import dev.tangram.engine.access.FieldAccess;
import dev.tangram.engine.access.Grant;
import dev.tangram.engine.access.Operation;
import dev.tangram.engine.access.RowScope;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.common.Keys;
import dev.tangram.engine.templates.SemVer;
import dev.tangram.engine.templates.TemplateFiles;
import dev.tangram.engine.templates.TemplatePackage;
import dev.tangram.engine.templates.TemplatePackage.DataSet;
import dev.tangram.engine.templates.TemplatePackage.Migration;
import dev.tangram.engine.templates.TemplatePackage.Parameter;
import dev.tangram.engine.templates.TemplatePackage.RuleFile;
import dev.tangram.engine.templates.TemplatePackage.RoleSpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code template.json} and every file it names into a {@link TemplatePackage}, noting each
 * shape problem (missing file, bad JSON, unknown attribute, wrong type) instead of stopping at the
 * first. What the files mean is {@link PackageChecker}'s business.
 */
final class PackageReader {

  static final String MANIFEST = "template.json";
  static final Set<String> MANIFEST_ATTRIBUTES = Set.of("key", "version", "name", "description", "category", "requires",
      "parameters", "forms", "flows", "rules", "views", "data", "locales", "migrations", "roles", "permissions");
  static final Set<String> GRANT_ATTRIBUTES = Set.of("to", "operations", "scope", "fields");
  static final Set<String> LOCALES = Set.of("en", "zh-CN");
  static final Set<String> PARAMETER_TYPES = Set.of("number", "money", "boolean", "text", "select");

  private final TemplateFiles files;
  private final PackageProblems problems;

  PackageReader(TemplateFiles files, PackageProblems problems) {
    this.files = files;
    this.problems = problems;
  }

  @Nullable TemplatePackage read() {
    JsonNode m = json(MANIFEST).orElse(null);
    if (m == null) {
      return null;
    }
    if (!m.isObject()) {
      problems.add(MANIFEST, "", "type", "template.json must be a JSON object");
      return null;
    }
    m.propertyNames().forEach(n -> {
      if (!MANIFEST_ATTRIBUTES.contains(n)) {
        problems.add(MANIFEST, n, "unknown", "template.json has no attribute '" + n + "'; allowed: " + String.join(", ", MANIFEST_ATTRIBUTES.stream().sorted().toList()));
      }
    });
    String key = text(m, "key", true);
    if (key != null && !Keys.isValid(key)) {
      problems.add(MANIFEST, "key", "pattern", "'" + key + "' is not a valid template key: use a letter, then letters, digits or _");
    }
    String versionText = text(m, "version", true);
    SemVer version = versionText == null ? null : SemVer.parse(versionText).orElse(null);
    if (versionText != null && version == null) {
      problems.add(MANIFEST, "version", "semver", "Version '" + versionText + "' is not MAJOR.MINOR.PATCH");
    }
    JsonNode requires = m.path("requires");
    TemplatePackage pkg = new TemplatePackage(key == null ? "" : key, version == null ? new SemVer(0, 0, 0) : version,
        localized(m, "name", true), localized(m, "description", false), Optional.ofNullable(text(m, "category", false)).orElse("other"),
        strings(requires.get("plugins"), "requires.plugins"), strings(requires.get("templates"), "requires.templates"),
        parameters(m.get("parameters")), documents(m.get("forms"), "forms", "forms/"), documents(m.get("flows"), "flows", "flows/"),
        rules(m.get("rules")), documents(m.get("views"), "views", "views/"), data(m.get("data")),
        labels(m.get("locales")), migrations(m.get("migrations")), files.origin(), roles(m.get("roles")),
        permissions(m.get("permissions")));
    return pkg;
  }

  private Optional<JsonNode> json(String file) {
    Optional<String> text = files.read(file);
    if (text.isEmpty()) {
      problems.add(file, "", "missingFile", "The package has no file '" + file + "'");
      return Optional.empty();
    }
    try {
      return Optional.of(Json.MAPPER.readTree(text.get()));
    } catch (JacksonException e) {
      problems.add(file, "", "json", "'" + file + "' is not valid JSON: " + e.getOriginalMessage());
      return Optional.empty();
    }
  }

  private @Nullable String text(JsonNode node, String attribute, boolean required) {
    JsonNode v = node.get(attribute);
    if (v == null || v.isNull()) {
      if (required) {
        problems.add(MANIFEST, attribute, "required", "template.json needs '" + attribute + "'");
      }
      return null;
    }
    if (!v.isString()) {
      problems.add(MANIFEST, attribute, "type", "'" + attribute + "' must be a string");
      return null;
    }
    return v.asString();
  }

  /** {"en": "…", "zh-CN": "…"}, or a plain string taken as English. */
  private Map<String, String> localized(JsonNode node, String attribute, boolean required) {
    Map<String, String> result = new LinkedHashMap<>();
    JsonNode v = node.get(attribute);
    if (v == null || v.isNull()) {
      if (required) {
        problems.add(MANIFEST, attribute, "required", "template.json needs '" + attribute + "'");
      }
    } else if (v.isString()) {
      result.put("en", v.asString());
    } else if (v.isObject()) {
      v.properties().forEach(e -> {
        if (!LOCALES.contains(e.getKey()) || !e.getValue().isString()) {
          problems.add(MANIFEST, attribute + "." + e.getKey(), "locale", "'" + attribute + "' holds strings per locale (" + String.join(", ", LOCALES) + ")");
        } else {
          result.put(e.getKey(), e.getValue().asString());
        }
      });
    } else {
      problems.add(MANIFEST, attribute, "type", "'" + attribute + "' must be a string or {\"en\": …, \"zh-CN\": …}");
    }
    return result;
  }

  private List<String> strings(@Nullable JsonNode array, String path) {
    List<String> result = new ArrayList<>();
    if (array == null || array.isNull()) {
      return result;
    }
    if (!array.isArray()) {
      problems.add(MANIFEST, path, "type", "'" + path + "' must be a list of names");
      return result;
    }
    for (int i = 0; i < array.size(); i++) {
      if (!array.get(i).isString() || !Keys.isValid(array.get(i).asString())) {
        problems.add(MANIFEST, path + "[" + i + "]", "pattern", "'" + path + "' entries are keys: a letter, then letters, digits or _");
      } else {
        result.add(array.get(i).asString());
      }
    }
    return result;
  }

  /** Each listed name {@code n} is the JSON file {@code <dir>n.json}. */
  private Map<String, JsonNode> documents(@Nullable JsonNode array, String path, String dir) {
    Map<String, JsonNode> result = new LinkedHashMap<>();
    for (String name : strings(array, path)) {
      if (result.containsKey(name)) {
        problems.add(MANIFEST, path, "duplicate", "'" + name + "' is listed twice in '" + path + "'");
      }
      json(dir + name + ".json").ifPresent(doc -> result.put(name, doc));
    }
    return result;
  }

  private List<Parameter> parameters(@Nullable JsonNode array) {
    List<Parameter> result = new ArrayList<>();
    for (JsonNode p : objects(array, "parameters")) {
      String at = "parameters[" + result.size() + "]";
      String key = p.path("key").asString("");
      String type = p.path("type").asString("");
      if (!Keys.isValid(key)) {
        problems.add(MANIFEST, at + ".key", "pattern", "A parameter needs a key: a letter, then letters, digits or _");
      }
      if (!PARAMETER_TYPES.contains(type)) {
        problems.add(MANIFEST, at + ".type", "unknownType", "Parameter '" + key + "' has type '" + type + "'; use one of " + String.join(", ", PARAMETER_TYPES.stream().sorted().toList()));
      }
      List<String> options = new ArrayList<>();
      p.path("options").forEach(o -> options.add(o.asString("")));
      JsonNode def = p.get("default");
      result.add(new Parameter(key, type, localized(p, "label", false), def == null || def.isNull() ? null : def,
          p.path("required").asBoolean(false), options));
    }
    return result;
  }

  private List<RuleFile> rules(@Nullable JsonNode array) {
    List<RuleFile> result = new ArrayList<>();
    for (JsonNode r : objects(array, "rules")) {
      String at = "rules[" + result.size() + "]";
      String file = r.path("file").asString("");
      String form = r.path("form").asString("");
      if (!file.matches("[a-zA-Z][a-zA-Z0-9_\\-]*\\.js")) {
        problems.add(MANIFEST, at + ".file", "pattern", "A rule names its script file, e.g. 'stock_alert.js' (in rules/)");
        continue;
      }
      List<String> on = new ArrayList<>();
      r.path("on").forEach(o -> on.add(o.asString("")));
      String script = files.read("rules/" + file).orElse(null);
      if (script == null) {
        problems.add("rules/" + file, "", "missingFile", "The package has no file 'rules/" + file + "'");
        continue;
      }
      result.add(new RuleFile(file, form, r.path("name").asString(file.replace(".js", "")), on,
          r.path("phase").asString("after"), script));
    }
    return result;
  }

  private List<DataSet> data(@Nullable JsonNode array) {
    List<DataSet> result = new ArrayList<>();
    for (String name : strings(array, "data")) {
      String file = "data/" + name + ".json";
      json(file).ifPresent(doc -> {
        if (!doc.isObject() || !doc.path("form").isString() || !doc.path("records").isArray()) {
          problems.add(file, "", "shape", "A data file is {\"form\": \"<form key>\", \"records\": [{…}, …]}");
          return;
        }
        List<JsonNode> records = new ArrayList<>();
        doc.get("records").forEach(records::add);
        result.add(new DataSet(file, doc.get("form").asString(), records));
      });
    }
    return result;
  }

  private Map<String, Map<String, String>> labels(@Nullable JsonNode locales) {
    Map<String, Map<String, String>> result = new LinkedHashMap<>();
    for (String locale : List.of("zh-CN")) {
      boolean listed = locales != null && locales.isArray() && locales.toString().contains("\"" + locale + "\"");
      if (!listed) {
        continue;
      }
      String file = "i18n/" + locale + ".json";
      json(file).ifPresent(doc -> {
        Map<String, String> map = new LinkedHashMap<>();
        doc.properties().forEach(e -> {
          if (e.getValue().isString()) {
            map.put(e.getKey(), e.getValue().asString());
          } else {
            problems.add(file, e.getKey(), "type", "A label is a string");
          }
        });
        result.put(locale, map);
      });
    }
    return result;
  }

  private List<RoleSpec> roles(@Nullable JsonNode array) {
    List<RoleSpec> result = new ArrayList<>();
    for (JsonNode node : objects(array, "roles")) {
      String at = "roles[" + result.size() + "]";
      String key = node.path("key").asString("");
      if (!Keys.isValid(key)) {
        problems.add(MANIFEST, at + ".key", "pattern", "A role needs a key: a letter, then letters, digits or _");
      } else if (result.stream().anyMatch(r -> r.key().equals(key))) {
        problems.add(MANIFEST, at + ".key", "duplicate", "Role '" + key + "' is declared twice");
      }
      node.propertyNames().stream().filter(n -> !n.equals("key") && !n.equals("name")).forEach(n ->
          problems.add(MANIFEST, at + "." + n, "unknown", "A role has a key and a name, not '" + n + "'"));
      result.add(new RoleSpec(key, localized(node, "name", false)));
    }
    return result;
  }

  /**
   * {@code "permissions": {"<form>": [{"to", "operations", "scope", "fields"}]}}: the same grants
   * as {@code PUT …/forms/{form}/permissions}, at most one per holder and scope.
   */
  private Map<String, List<Grant>> permissions(@Nullable JsonNode node) {
    Map<String, List<Grant>> result = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return result;
    }
    if (!node.isObject()) {
      problems.add(MANIFEST, "permissions", "type", "'permissions' maps a form key to its list of grants");
      return result;
    }
    node.properties().forEach(e -> {
      String form = e.getKey();
      List<Grant> grants = new ArrayList<>();
      Set<String> seen = new java.util.HashSet<>();
      List<JsonNode> entries = objects(e.getValue(), "permissions." + form);
      for (int i = 0; i < entries.size(); i++) {
        Grant grant = grant(entries.get(i), "permissions." + form + "[" + i + "]");
        if (grant != null && !seen.add(grant.to() + "@" + grant.scope())) {
          problems.add(MANIFEST, "permissions." + form + "[" + i + "]", "duplicate", "Form '" + form + "' has two grants to '"
              + grant.to() + "' with scope " + grant.scope() + "; list the operations in one");
        } else if (grant != null) {
          grants.add(grant);
        }
      }
      result.put(form, grants);
    });
    return result;
  }

  private @Nullable Grant grant(JsonNode node, String at) {
    int before = problems.list().size();
    node.propertyNames().stream().filter(n -> !GRANT_ATTRIBUTES.contains(n)).forEach(n -> problems.add(MANIFEST, at + "." + n, "unknown",
        "A grant has to, operations, scope and fields, not '" + n + "'"));
    String to = node.path("to").asString("");
    if (!AccessSettings.isHolder(to)) {
      problems.add(MANIFEST, at + ".to", "pattern", "'" + to + "' is not everyone, user:…, role:… or department:…");
    }
    Set<Operation> operations = EnumSet.noneOf(Operation.class);
    JsonNode ops = node.path("operations");
    if (!ops.isArray() || ops.isEmpty()) {
      problems.add(MANIFEST, at + ".operations", "required", "A grant needs a list of operations: " + names(Operation.values()));
    } else {
      for (int i = 0; i < ops.size(); i++) {
        Optional<Operation> op = constant(Operation.class, ops.get(i));
        if (op.isEmpty()) {
          problems.add(MANIFEST, at + ".operations[" + i + "]", "unknownOperation", "'" + ops.get(i).asString(ops.get(i).toString())
              + "' is not an operation; use " + names(Operation.values()));
        }
        op.ifPresent(operations::add);
      }
    }
    Optional<RowScope> scope = constant(RowScope.class, node.path("scope"));
    if (scope.isEmpty()) {
      problems.add(MANIFEST, at + ".scope", "unknownScope", "'" + node.path("scope").asString("") + "' is not a scope; use " + names(RowScope.values()));
    }
    Map<String, FieldAccess> fields = new LinkedHashMap<>();
    JsonNode fieldNode = node.path("fields");
    if (!fieldNode.isMissingNode() && !fieldNode.isNull() && !fieldNode.isObject()) {
      problems.add(MANIFEST, at + ".fields", "type", "'fields' maps a field key to " + names(FieldAccess.values()));
    }
    fieldNode.properties().forEach(f -> {
      Optional<FieldAccess> access = constant(FieldAccess.class, f.getValue());
      if (access.isEmpty()) {
        problems.add(MANIFEST, at + ".fields." + f.getKey(), "unknownAccess", "'" + f.getValue().asString(f.getValue().toString())
            + "' is not a field access; use " + names(FieldAccess.values()));
      }
      access.ifPresent(a -> fields.put(f.getKey(), a));
    });
    return problems.list().size() > before ? null : new Grant(to, operations, scope.orElseThrow(), fields);
  }

  private static <E extends Enum<E>> Optional<E> constant(Class<E> type, JsonNode value) {
    return java.util.Arrays.stream(type.getEnumConstants()).filter(c -> value.isString() && c.name().equals(value.asString())).findFirst();
  }

  private static String names(Enum<?>[] values) {
    return String.join(", ", java.util.Arrays.stream(values).map(Enum::name).toList());
  }

  private List<Migration> migrations(@Nullable JsonNode array) {
    List<Migration> result = new ArrayList<>();
    for (JsonNode node : objects(array, "migrations")) {
      String at = "migrations[" + result.size() + "]";
      SemVer version = SemVer.parse(node.path("version").asString("")).orElse(null);
      if (version == null) {
        problems.add(MANIFEST, at + ".version", "semver", "A migration names the version that brings it (MAJOR.MINOR.PATCH)");
        version = new SemVer(0, 0, 0);
      }
      Map<String, String> rename = new LinkedHashMap<>();
      node.path("rename").properties().forEach(e -> rename.put(e.getKey(), e.getValue().asString("")));
      List<String> remove = new ArrayList<>();
      node.path("remove").forEach(r -> remove.add(r.asString("")));
      result.add(new Migration(version, node.path("form").asString(""), rename, remove));
    }
    return result;
  }

  private List<JsonNode> objects(@Nullable JsonNode array, String path) {
    List<JsonNode> result = new ArrayList<>();
    if (array == null || array.isNull()) {
      return result;
    }
    if (!array.isArray()) {
      problems.add(MANIFEST, path, "type", "'" + path + "' must be a list");
      return result;
    }
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i).isObject()) {
        result.add(array.get(i));
      } else {
        problems.add(MANIFEST, path + "[" + i + "]", "type", "Entries of '" + path + "' are JSON objects");
      }
    }
    return result;
  }
}
