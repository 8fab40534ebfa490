package dev.tangram.engine.webhooks.internal;

import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.webhooks.internal.JsonPaths.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a {@code completeTask} trigger reads from a call: which record (by id, or by the value of one
 * of its fields), the decision ({@code approve} or {@code reject}, fixed or read from the payload)
 * and an optional comment. Configured as
 * {@code {"record": {"id": "$.path"} | {"field": "no", "value": "$.path"}, "decision": "approve" | "reject" | "$.path", "comment": "$.path"?}}.
 */
public final class TaskCompletion {

  public static final Set<String> DECISIONS = Set.of("approve", "reject");
  private static final Set<String> MEMBERS = Set.of("record", "decision", "comment");

  /** What one call asks for. {@code recordId} or ({@code field}, {@code value}) is set. */
  public record Request(@Nullable String recordId, @Nullable String field, @Nullable JsonNode value, String decision,
      @Nullable String comment) {}

  private final @Nullable Path id;
  private final @Nullable String field;
  private final @Nullable Path value;
  private final @Nullable String fixedDecision;
  private final @Nullable Path decision;
  private final @Nullable Path comment;

  private TaskCompletion(@Nullable Path id, @Nullable String field, @Nullable Path value,
      @Nullable String fixedDecision, @Nullable Path decision, @Nullable Path comment) {
    this.id = id;
    this.field = field;
    this.value = value;
    this.fixedDecision = fixedDecision;
    this.decision = decision;
    this.comment = comment;
  }

  /** Checks the configuration against the form; every problem is reported under {@code task}. */
  public static TaskCompletion compile(@Nullable JsonNode task, FormDefinition form) {
    if (task == null || !task.isObject()) {
      throw ValidationException.of("task", "required", "A completeTask trigger needs 'task': {\"record\": …, \"decision\": …}");
    }
    List<FieldError> errors = new ArrayList<>();
    task.propertyNames().stream().filter(n -> !MEMBERS.contains(n)).forEach(n ->
        errors.add(new FieldError("task." + n, "unknownField", "Unknown member 'task." + n + "'; allowed: comment, decision, record")));
    JsonNode record = task.get("record");
    Path id = null;
    String field = null;
    Path value = null;
    if (record != null && record.isObject() && record.size() == 1 && record.has("id")) {
      id = path(record.get("id"), "task.record.id", errors);
    } else if (record != null && record.isObject() && record.size() == 2 && record.has("field") && record.has("value")) {
      field = record.get("field").isString() ? record.get("field").asString() : "";
      String key = field;
      if (form.fields().stream().noneMatch(f -> f.key().equals(key))) {
        errors.add(new FieldError("task.record.field", "unknownField", "Form '" + form.key() + "' has no field '" + field + "'"));
      }
      value = path(record.get("value"), "task.record.value", errors);
    } else {
      errors.add(new FieldError("task.record", "invalid",
          "'task.record' must be {\"id\": \"$.path\"} or {\"field\": \"<field of the form>\", \"value\": \"$.path\"}"));
    }
    JsonNode d = task.get("decision");
    String fixed = null;
    Path decision = null;
    if (d != null && d.isString() && DECISIONS.contains(d.asString())) {
      fixed = d.asString();
    } else if (d != null && d.isString() && d.asString().startsWith("$")) {
      decision = path(d, "task.decision", errors);
    } else {
      errors.add(new FieldError("task.decision", "invalid", "'task.decision' must be approve, reject or a path to one of them"));
    }
    Path comment = task.has("comment") ? path(task.get("comment"), "task.comment", errors) : null;
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return new TaskCompletion(id, field, value, fixed, decision, comment);
  }

  /** Reads a call's payload; what is missing or wrong is a 422 naming the path. */
  public Request resolve(JsonNode payload) {
    List<FieldError> errors = new ArrayList<>();
    String recordId = null;
    JsonNode found = null;
    if (id != null) {
      recordId = scalar(id, payload, "record", errors);
    } else if (value != null) {
      found = value.read(payload).filter(v -> v.isValueNode() && !v.isNull()).orElse(null);
      if (found == null) {
        errors.add(new FieldError("record", "missing", "The payload has no value at " + value.text() + " to find the record by"));
      }
    }
    String outcome = fixedDecision;
    if (decision != null) {
      outcome = scalar(decision, payload, "decision", errors);
      if (outcome != null && !DECISIONS.contains(outcome)) {
        errors.add(new FieldError("decision", "invalid", "The decision at " + decision.text() + " is '" + outcome + "'; it must be approve or reject"));
      }
    }
    String text = comment == null ? null : comment.read(payload).filter(JsonNode::isValueNode).map(JsonNode::asString).orElse(null);
    if (!errors.isEmpty() || outcome == null) {
      throw new ValidationException(errors);
    }
    return new Request(recordId, field, found, outcome, text);
  }

  private static @Nullable String scalar(Path path, JsonNode payload, String name, List<FieldError> errors) {
    JsonNode v = path.read(payload).orElse(null);
    if (v == null || !v.isValueNode() || v.isNull() || v.asString().isBlank()) {
      errors.add(new FieldError(name, "missing", "The payload has no " + name + " at " + path.text()));
      return null;
    }
    return v.asString();
  }

  private static @Nullable Path path(@Nullable JsonNode node, String name, List<FieldError> errors) {
    if (node == null || !node.isString()) {
      errors.add(new FieldError(name, "type", "'" + name + "' must be a JSON path such as \"$.order.id\""));
      return null;
    }
    try {
      return JsonPaths.compile(node.asString());
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(name, "invalidPath", "'" + name + "' is not a path: " + e.getMessage()));
      return null;
    }
  }
}
