package dev.tangram.runtime.api.flows;

import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.flows.TaskRequest;
import dev.tangram.runtime.api.RequestBodies;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Strict reading of the flow API's request bodies. */
final class FlowRequests {

  private FlowRequests() {}

  /** {@code {"node": ["user", …]}} → chosen approvers by node. */
  static Map<String, List<String>> approvers(@Nullable JsonNode json) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    if (json == null || json.isNull()) {
      return result;
    }
    if (!json.isObject()) {
      throw ValidationException.of("approvers", "type", "'approvers' maps node ids to lists of usernames");
    }
    for (String node : json.propertyNames()) {
      result.put(node, users(json.get(node), "approvers." + node));
    }
    return result;
  }

  static TaskRequest task(@Nullable JsonNode body) {
    if (body == null || body.isNull() || body.isMissingNode()) {
      return TaskRequest.comment(null);
    }
    RequestBodies.object(body, Set.of("comment", "data", "recordVersion", "to", "target", "position", "nextApprovers"));
    JsonNode data = body.get("data");
    if (data != null && !data.isNull() && !data.isObject()) {
      throw ValidationException.of("data", "type", "'data' must be an object of field values");
    }
    JsonNode version = body.get("recordVersion");
    if (version != null && !version.isNull() && !version.isIntegralNumber()) {
      throw ValidationException.of("recordVersion", "type", "'recordVersion' must be a whole number");
    }
    return new TaskRequest(RequestBodies.optionalString(body, "comment"), data == null || data.isNull() ? null : (ObjectNode) data,
        version == null || version.isNull() ? null : version.asLong(), RequestBodies.optionalString(body, "to"),
        RequestBodies.optionalString(body, "target"), RequestBodies.optionalString(body, "position"),
        users(body.get("nextApprovers"), "nextApprovers"));
  }

  private static List<String> users(@Nullable JsonNode json, String field) {
    List<String> users = new ArrayList<>();
    if (json == null || json.isNull()) {
      return users;
    }
    if (!json.isArray()) {
      throw new ValidationException(List.of(new FieldError(field, "type", "'" + field + "' must be a list of usernames")));
    }
    for (JsonNode user : json) {
      if (!user.isString()) {
        throw new ValidationException(List.of(new FieldError(field, "type", "'" + field + "' must be a list of usernames")));
      }
      users.add(user.asString());
    }
    return users;
  }
}
