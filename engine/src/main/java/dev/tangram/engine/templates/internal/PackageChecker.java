package dev.tangram.engine.templates.internal;

import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.forms.FieldDefinition;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.views.ViewChecker;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.plugins.PluginRegistry;
import dev.tangram.engine.rules.ScriptSandbox;
import dev.tangram.engine.templates.TemplateFiles;
import dev.tangram.engine.templates.TemplatePackage;
import dev.tangram.engine.templates.TemplatePackage.DataSet;
import dev.tangram.engine.templates.TemplatePackage.Migration;
import dev.tangram.engine.templates.TemplatePackage.RuleFile;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import tools.jackson.databind.JsonNode;

/**
 * Reads a package and checks all of it: the forms with the engine's own form checks, flows,
 * rule scripts, views, seed data, labels, parameters, migrations and required plugins. An invalid
 * package is refused whole: one {@link ValidationException} lists every problem as
 * {@code file#path}.
 */
public final class PackageChecker {

  static final Set<String> TRIGGER_EVENTS = Set.of("record.created", "record.updated", "record.deleted");

  private final FormService forms;
  private final ScriptSandbox sandbox;
  private final PluginRegistry plugins;

  public PackageChecker(FormService forms, ScriptSandbox sandbox, PluginRegistry plugins) {
    this.forms = forms;
    this.sandbox = sandbox;
    this.plugins = plugins;
  }

  public TemplatePackage load(TemplateFiles files) {
    PackageProblems problems = new PackageProblems();
    TemplatePackage pkg = new PackageReader(files, problems).read();
    if (pkg == null) {
      problems.throwIfAny();
      throw new IllegalStateException("unreachable");
    }
    Map<String, FormDefinition> checked = checkForms(pkg, problems);
    checkPlugins(pkg, problems);
    checkParameters(pkg, problems);
    Map<String, Set<String>> fields = new HashMap<>();
    checked.forEach((k, f) -> fields.put(k, topFields(f)));
    PackageRenderer rendered = new PackageRenderer(pkg, defaults(pkg), "en");
    rendered.flows().forEach((form, flow) -> {
      String file = "flows/" + form + ".json";
      if (!fields.containsKey(form)) {
        problems.add(file, "", "unknownForm", "Flow '" + form + "' belongs to no form of the package (flows/<form>.json)");
      } else {
        new FlowChecker(sandbox, problems, roleKeys(pkg)).check(file, flow, fields.get(form), pkg.requiredPlugins());
      }
    });
    checkRules(pkg, fields, rendered, problems);
    checkViews(pkg, rendered.views(), checked, problems);
    checkData(pkg, checked, problems);
    checkLabels(pkg, checked, problems);
    checkMigrations(pkg, checked, problems);
    checkPermissions(pkg, checked, problems);
    problems.throwIfAny();
    return pkg;
  }

  /** Views are checked as installed: parameters filled in with their defaults (a filter may hold {{param.days}}). */
  private static void checkViews(TemplatePackage pkg, Map<String, JsonNode> views, Map<String, FormDefinition> checked, PackageProblems problems) {
    Set<String> broken = new java.util.HashSet<>(pkg.forms().keySet());
    broken.removeAll(checked.keySet()); // their own problems are listed already
    views.forEach((key, view) -> problems.addAll("views/" + key + ".json",
        ViewChecker.check(view, form -> java.util.Optional.ofNullable(checked.get(form)), broken)));
  }

  private Map<String, FormDefinition> checkForms(TemplatePackage pkg, PackageProblems problems) {
    Map<String, JsonNode> rendered = new PackageRenderer(pkg, defaults(pkg), "en").forms(false);
    Map<String, FormDefinition> checked = new HashMap<>();
    Set<String> keys = rendered.keySet();
    rendered.forEach((key, definition) -> {
      try {
        checked.put(key, forms.check(definition, key, keys, true));
      } catch (ValidationException e) {
        problems.addAll("forms/" + key + ".json", e.errors());
      }
    });
    return checked;
  }

  private void checkPlugins(TemplatePackage pkg, PackageProblems problems) {
    for (int i = 0; i < pkg.requiredPlugins().size(); i++) {
      String plugin = pkg.requiredPlugins().get(i);
      if (plugins.find(plugin).isEmpty()) {
        problems.add(PackageReader.MANIFEST, "requires.plugins[" + i + "]", "missingPlugin",
            "The template needs plugin '" + plugin + "', which is not installed on this engine");
      }
    }
  }

  private void checkParameters(TemplatePackage pkg, PackageProblems problems) {
    Set<String> declared = new HashSet<>();
    pkg.parameters().forEach(p -> {
      if (!declared.add(p.key())) {
        problems.add(PackageReader.MANIFEST, "parameters", "duplicate", "Parameter '" + p.key() + "' is declared twice");
      }
      if (p.defaultValue() != null) {
        ParameterValues.problem(p, p.defaultValue()).ifPresent(m ->
            problems.add(PackageReader.MANIFEST, "parameters." + p.key() + ".default", "invalidDefault", m));
      }
    });
    pkg.forms().forEach((k, f) -> placeholders("forms/" + k + ".json", f.toString(), declared, problems));
    pkg.flows().forEach((k, f) -> placeholders("flows/" + k + ".json", f.toString(), declared, problems));
    pkg.views().forEach((k, v) -> placeholders("views/" + k + ".json", v.toString(), declared, problems));
    pkg.rules().forEach(r -> placeholders("rules/" + r.file(), r.script(), declared, problems));
  }

  private static void placeholders(String file, String text, Set<String> declared, PackageProblems problems) {
    Matcher m = PackageRenderer.PLACEHOLDER.matcher(text);
    while (m.find()) {
      if (!declared.contains(m.group(1))) {
        problems.add(file, "", "unknownParameter", "'" + m.group() + "' names no parameter of template.json");
      }
    }
  }

  private void checkRules(TemplatePackage pkg, Map<String, Set<String>> fields, PackageRenderer rendered, PackageProblems problems) {
    for (RuleFile rule : pkg.rules()) {
      String file = "rules/" + rule.file();
      if (!fields.containsKey(rule.form()) && !pkg.forms().containsKey(rule.form())) {
        problems.add(file, "", "unknownForm", "Rule '" + rule.name() + "' is attached to form '" + rule.form() + "', which the package does not have");
      }
      if (!Set.of("before", "after").contains(rule.phase())) {
        problems.add(file, "", "unknownPhase", "Rule '" + rule.name() + "' has phase '" + rule.phase() + "'; use before or after");
      }
      rule.on().stream().filter(e -> !TRIGGER_EVENTS.contains(e)).forEach(e ->
          problems.add(file, "", "unknownEvent", "Rule '" + rule.name() + "' reacts to '" + e + "'; use " + String.join(", ", TRIGGER_EVENTS)));
      sandbox.check(rendered.substitute(rule.script())).ifPresent(p -> problems.add(file, "line " + p.line() + ", column " + p.column(), "syntax",
          "Syntax error in rule '" + rule.name() + "', line " + p.line() + " column " + p.column() + ": " + p.message()));
    }
  }

  private void checkData(TemplatePackage pkg, Map<String, FormDefinition> forms, PackageProblems problems) {
    Set<String> ids = new HashSet<>();
    for (DataSet set : pkg.data()) {
      FormDefinition form = forms.get(set.form());
      if (form == null && pkg.forms().containsKey(set.form())) {
        set.records().forEach(r -> ids.add(r.path("@id").asString(""))); // the form's own problems are listed already
        continue;
      }
      if (form == null) {
        problems.add(set.file(), "form", "unknownForm", "Seed data for form '" + set.form() + "', which the package does not have (or which is invalid)");
        continue;
      }
      for (int i = 0; i < set.records().size(); i++) {
        JsonNode record = set.records().get(i);
        String at = "records[" + i + "]";
        if (!record.isObject()) {
          problems.add(set.file(), at, "type", "A seed record is a JSON object");
          continue;
        }
        for (String name : record.propertyNames()) {
          JsonNode value = record.get(name);
          if (name.equals("@id")) {
            if (!ids.add(value.asString(""))) {
              problems.add(set.file(), at + ".@id", "duplicate", "Seed id '" + value.asString("") + "' is used twice");
            }
            continue;
          }
          FieldDefinition field = form.findField(name).orElse(null);
          if (field == null) {
            problems.add(set.file(), at + "." + name, "unknownField", "Form '" + set.form() + "' has no field '" + name + "'");
          } else if ("subform".equals(field.type()) && value.isArray()) {
            for (int r = 0; r < value.size(); r++) {
              for (String column : value.get(r).propertyNames()) {
                if (field.fields().stream().noneMatch(c -> c.key().equals(column))) {
                  problems.add(set.file(), at + "." + name + "[" + r + "]." + column, "unknownField", "Subform '" + name + "' has no field '" + column + "'");
                }
                references(set.file(), at + "." + name + "[" + r + "]." + column, value.get(r).get(column), ids, problems);
              }
            }
          } else {
            references(set.file(), at + "." + name, value, ids, problems);
          }
        }
      }
    }
  }

  private static void references(String file, String at, JsonNode value, Set<String> ids, PackageProblems problems) {
    if (value.isString() && value.asString().startsWith("@") && !ids.contains(value.asString().substring(1))) {
      problems.add(file, at, "unknownReference", "'" + value.asString() + "' names no seed record loaded before it");
    }
  }

  private void checkLabels(TemplatePackage pkg, Map<String, FormDefinition> forms, PackageProblems problems) {
    pkg.labels().forEach((locale, labels) -> {
      Set<String> known = new LinkedHashSet<>();
      forms.forEach((key, form) -> {
        known.add(key);
        labelKeys(key, form.fields(), known);
        for (int i = 0; i < form.rules().size(); i++) {
          if (form.rules().get(i).message() != null) {
            known.add(key + ".rules[" + i + "]");
          }
        }
      });
      String file = "i18n/" + locale + ".json";
      labels.keySet().stream().filter(k -> !known.contains(k) && forms.containsKey(k.split("[.=]")[0]))
          .forEach(k -> problems.add(file, k, "unknownLabel", "Label '" + k + "' names no form, field or option of the package"));
      known.stream().filter(k -> !labels.containsKey(k))
          .forEach(k -> problems.add(file, k, "missingLabel", "No " + locale + " text for '" + k + "'"));
    });
  }

  private static void labelKeys(String prefix, List<FieldDefinition> fields, Set<String> known) {
    for (FieldDefinition f : fields) {
      String path = prefix + "." + f.key();
      known.add(path);
      f.options().forEach(o -> known.add(path + "=" + o.value()));
      labelKeys(path, f.fields(), known);
    }
  }

  private void checkMigrations(TemplatePackage pkg, Map<String, FormDefinition> forms, PackageProblems problems) {
    for (int i = 0; i < pkg.migrations().size(); i++) {
      Migration m = pkg.migrations().get(i);
      String at = "migrations[" + i + "]";
      FormDefinition form = forms.get(m.form());
      if (form == null) {
        problems.add(PackageReader.MANIFEST, at + ".form", "unknownForm", "Migration for form '" + m.form() + "', which the package does not have");
        continue;
      }
      if (m.version().isNewerThan(pkg.version())) {
        problems.add(PackageReader.MANIFEST, at + ".version", "futureVersion", "Migration of version " + m.version() + " is newer than the package (" + pkg.version() + ")");
      }
      m.rename().forEach((from, to) -> {
        if (form.findField(to).isEmpty()) {
          problems.add(PackageReader.MANIFEST, at + ".rename." + from, "unknownField", "Field '" + from + "' is renamed to '" + to + "', which form '" + m.form() + "' does not have");
        }
      });
    }
  }

  /** Grants name forms of the package and their fields; the roles they name are checked by the install plan (the directory counts). */
  private static void checkPermissions(TemplatePackage pkg, Map<String, FormDefinition> forms, PackageProblems problems) {
    pkg.permissions().forEach((key, grants) -> {
      FormDefinition form = forms.get(key);
      if (form == null) {
        if (!pkg.forms().containsKey(key)) {
          problems.add(PackageReader.MANIFEST, "permissions." + key, "unknownForm", "Grants for form '" + key + "', which the package does not have");
        }
        return;
      }
      for (int i = 0; i < grants.size(); i++) {
        for (String field : grants.get(i).fields().keySet()) {
          if (form.findField(field).isEmpty()) {
            problems.add(PackageReader.MANIFEST, "permissions." + key + "[" + i + "].fields." + field, "unknownField",
                "Form '" + key + "' has no field '" + field + "'");
          }
        }
      }
    });
  }

  static Set<String> roleKeys(TemplatePackage pkg) {
    Set<String> keys = new HashSet<>();
    pkg.roles().forEach(r -> keys.add(r.key()));
    return keys;
  }

  static Set<String> topFields(FormDefinition form) {
    Set<String> keys = new HashSet<>();
    form.fields().forEach(f -> keys.add(f.key()));
    return keys;
  }

  /** Every parameter's default, for checking and rendering without an admin's choices. */
  public static Map<String, JsonNode> defaults(TemplatePackage pkg) {
    Map<String, JsonNode> values = new HashMap<>();
    pkg.parameters().forEach(p -> values.put(p.key(), p.defaultValue() == null ? ParameterValues.neutral(p) : p.defaultValue()));
    return values;
  }
}
