package dev.tangram.engine.webhooks.internal;

import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.forms.FieldDefinition;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.rules.RuleEvaluationException;
import dev.tangram.engine.rules.RuleScript;
import dev.tangram.engine.rules.ScriptSandbox;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns an external payload into a record's data: field by field with JSON paths
 * ({@code {"fields": {"title": "$.issue.title", "lines": {"path": "$.items[*]", "fields": {"qty": "$.n"}}}}},
 * a subform's paths relative to each item), or by a sandboxed script
 * ({@code {"script": "return {title: payload.issue.title}"}}, with {@code payload} in scope). Without a
 * mapping the payload itself is the data.
 */
public final class PayloadMapping {

  private final @Nullable Map<String, Object> fields; // field -> Path or Subform
  private final @Nullable RuleScript script;
  private final @Nullable ScriptSandbox sandbox;

  private record Subform(JsonPaths.Path path, Map<String, JsonPaths.Path> fields) {}

  private PayloadMapping(@Nullable Map<String, Object> fields, @Nullable RuleScript script, @Nullable ScriptSandbox sandbox) {
    this.fields = fields;
    this.script = script;
    this.sandbox = sandbox;
  }

  /** Checks a mapping against the form; every problem is reported with its field under {@code mapping}. */
  public static PayloadMapping compile(@Nullable JsonNode mapping, FormDefinition form, ScriptSandbox sandbox, String name) {
    if (mapping == null || mapping.isNull()) {
      return new PayloadMapping(null, null, null);
    }
    if (!mapping.isObject() || mapping.size() != 1 || !(mapping.has("fields") || mapping.has("script"))) {
      throw ValidationException.of("mapping", "invalid", "'mapping' must be {\"fields\": {…}} or {\"script\": \"…\"}");
    }
    if (mapping.has("script")) {
      JsonNode text = mapping.get("script");
      if (!text.isString()) {
        throw ValidationException.of("mapping.script", "type", "'mapping.script' must be a string");
      }
      try {
        return new PayloadMapping(null, sandbox.compile("trigger " + name, RuleScript.Kind.BODY, text.asString(), List.of("payload")), sandbox);
      } catch (RuleEvaluationException e) {
        throw ValidationException.of("mapping.script", "syntax", e.getMessage());
      }
    }
    List<FieldError> errors = new ArrayList<>();
    Map<String, FieldDefinition> known = new LinkedHashMap<>();
    form.fields().forEach(f -> known.put(f.key(), f));
    Map<String, Object> compiled = new LinkedHashMap<>();
    JsonNode fields = mapping.get("fields");
    if (!fields.isObject()) {
      throw ValidationException.of("mapping.fields", "type", "'mapping.fields' must map field keys to JSON paths");
    }
    for (String key : fields.propertyNames()) {
      FieldDefinition field = known.get(key);
      String at = "mapping.fields." + key;
      if (field == null) {
        errors.add(new FieldError(at, "unknownField", "Form '" + form.key() + "' has no field '" + key + "'"));
        continue;
      }
      JsonNode spec = fields.get(key);
      if (spec.isString()) {
        path(spec.asString(), at, errors).ifPresent(p -> compiled.put(key, p));
      } else if (spec.isObject() && "subform".equals(field.type()) && spec.has("path") && spec.has("fields")) {
        Optional<JsonPaths.Path> rows = path(spec.get("path").asString(), at + ".path", errors);
        Map<String, JsonPaths.Path> columns = new LinkedHashMap<>();
        for (String column : spec.get("fields").propertyNames()) {
          path(spec.get("fields").get(column).asString(), at + ".fields." + column, errors).ifPresent(p -> columns.put(column, p));
        }
        rows.ifPresent(p -> compiled.put(key, new Subform(p, columns)));
      } else {
        errors.add(new FieldError(at, "type", "A mapping is a JSON path, or for a subform {\"path\": …, \"fields\": {…}}"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return new PayloadMapping(compiled, null, null);
  }

  private static Optional<JsonPaths.Path> path(String text, String at, List<FieldError> errors) {
    try {
      return Optional.of(JsonPaths.compile(text));
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(at, "path", "'" + text + "' is no JSON path: " + e.getMessage()));
      return Optional.empty();
    }
  }

  /** The record data for {@code payload}; a script failure is a field error on {@code mapping}. */
  public ObjectNode apply(JsonNode payload) {
    if (script != null && sandbox != null) {
      Object result;
      try {
        result = sandbox.evaluate(script, Map.of("payload", Json.MAPPER.convertValue(payload, Object.class)));
      } catch (RuleEvaluationException e) {
        throw ValidationException.of("mapping", "script", "The mapping script failed: " + e.getMessage());
      }
      if (!(result instanceof Map<?, ?>)) {
        throw ValidationException.of("mapping", "script", "The mapping script must return an object of field values");
      }
      return Json.MAPPER.valueToTree(result);
    }
    if (fields == null) {
      if (!payload.isObject()) {
        throw ValidationException.of("body", "type", "The payload must be a JSON object of field values");
      }
      return (ObjectNode) payload;
    }
    ObjectNode data = Json.MAPPER.createObjectNode();
    fields.forEach((key, spec) -> {
      if (spec instanceof JsonPaths.Path p) {
        p.read(payload).ifPresent(v -> data.set(key, v));
      } else if (spec instanceof Subform s) {
        s.path().read(payload).ifPresent(items -> data.set(key, rows(items, s)));
      }
    });
    return data;
  }

  private static ArrayNode rows(JsonNode items, Subform subform) {
    ArrayNode rows = Json.MAPPER.createArrayNode();
    for (JsonNode item : items.isArray() ? items : Json.MAPPER.createArrayNode().add(items)) {
      ObjectNode row = rows.addObject();
      subform.fields().forEach((column, p) -> p.read(item).ifPresent(v -> row.set(column, v)));
    }
    return rows;
  }
}
