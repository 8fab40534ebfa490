package dev.tangram.engine.templates.internal;

import dev.tangram.engine.common.Json;
import dev.tangram.engine.templates.TemplatePackage;
import dev.tangram.engine.templates.TemplatePackage.RuleFile;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a package into what gets installed for one choice of parameters and locale: every
 * {@code {{param.key}}} replaced, labels in the chosen language, rule files attached to their
 * forms as triggers. Pure: the package is not modified.
 */
public final class PackageRenderer {

  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{param\\.([a-zA-Z][a-zA-Z0-9_]*)}}");
  private static final Set<String> LOCALE_KEYS = Set.of("en", "zh-CN");

  private final TemplatePackage pkg;
  private final Map<String, JsonNode> params;
  private final String locale;

  /** @param params every parameter's value (defaults filled in) */
  public PackageRenderer(TemplatePackage pkg, Map<String, JsonNode> params, String locale) {
    this.pkg = pkg;
    this.params = params;
    this.locale = locale;
  }

  /** Form key → definition to save, with the package's rule files as triggers when asked. */
  public Map<String, JsonNode> forms(boolean withRules) {
    Map<String, JsonNode> result = new LinkedHashMap<>();
    pkg.forms().forEach((key, definition) -> {
      ObjectNode form = (ObjectNode) substitute(definition.deepCopy());
      labelForm(key, form);
      if (withRules) {
        for (RuleFile rule : pkg.rules()) {
          if (rule.form().equals(key)) {
            ArrayNode triggers = form.has("triggers") ? (ArrayNode) form.get("triggers") : form.putArray("triggers");
            ObjectNode t = triggers.addObject().put("name", rule.name()).put("phase", rule.phase()).put("script", substitute(rule.script()));
            ArrayNode on = t.putArray("on");
            rule.on().forEach(on::add);
          }
        }
      }
      result.put(key, form);
    });
    return result;
  }

  public Map<String, JsonNode> flows() {
    return localizeAll(pkg.flows());
  }

  public Map<String, JsonNode> views() {
    return localizeAll(pkg.views());
  }

  public String substitute(String text) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      JsonNode value = params.get(m.group(1));
      String replacement = value == null ? m.group() : value.isNumber() ? plain(value.decimalValue()) : value.asString();
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    return m.appendTail(out).toString();
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  private Map<String, JsonNode> localizeAll(Map<String, JsonNode> documents) {
    Map<String, JsonNode> result = new LinkedHashMap<>();
    documents.forEach((key, doc) -> result.put(key, localize(substitute(doc.deepCopy()))));
    return result;
  }

  /** Replaces every {"en": …, "zh-CN": …} object by the text of the chosen locale. */
  private JsonNode localize(JsonNode node) {
    if (node.isObject()) {
      if (!node.isEmpty() && LOCALE_KEYS.containsAll(node.propertyNames()) && node.get("en") != null && node.get("en").isString()) {
        JsonNode chosen = node.get(locale);
        return chosen != null ? chosen : node.get("en");
      }
      ObjectNode object = (ObjectNode) node;
      for (String name : Set.copyOf(object.propertyNames())) {
        object.set(name, localize(object.get(name)));
      }
    } else if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        array.set(i, localize(array.get(i)));
      }
    }
    return node;
  }

  private JsonNode substitute(JsonNode node) {
    if (node.isString()) {
      return Json.MAPPER.getNodeFactory().stringNode(substitute(node.asString()));
    }
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      for (String name : Set.copyOf(object.propertyNames())) {
        object.set(name, substitute(object.get(name)));
      }
    } else if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        array.set(i, substitute(array.get(i)));
      }
    }
    return node;
  }

  private void labelForm(String formKey, ObjectNode form) {
    Map<String, String> labels = pkg.labels().get(locale);
    if (labels == null) {
      return;
    }
    put(form, "name", labels.get(formKey));
    labelFields(form.path("fields"), formKey, labels);
    JsonNode rules = form.path("rules");
    for (int i = 0; i < rules.size(); i++) {
      put((ObjectNode) rules.get(i), "message", labels.get(formKey + ".rules[" + i + "]"));
    }
  }

  private void labelFields(JsonNode fields, String prefix, Map<String, String> labels) {
    for (JsonNode f : fields) {
      if (!f.isObject()) {
        continue;
      }
      String path = prefix + "." + f.path("key").asString("");
      put((ObjectNode) f, "label", labels.get(path));
      for (JsonNode option : f.path("options")) {
        if (option.isObject()) {
          put((ObjectNode) option, "label", labels.get(path + "=" + option.path("value").asString("")));
        }
      }
      labelFields(f.path("fields"), path, labels);
    }
  }

  private static void put(ObjectNode node, String attribute, @org.jspecify.annotations.Nullable String text) {
    if (text != null) {
      node.put(attribute, text);
    }
  }
}
