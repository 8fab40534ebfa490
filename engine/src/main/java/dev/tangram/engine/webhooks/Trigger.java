package dev.tangram.engine.webhooks;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An inbound URL, {@code /hooks/{token}}, that turns a signed call into a record of a form (which
 * starts the form's flow, if it has one). Calls run with the permissions of the admin who created it.
 *
 * @param action  {@value #CREATE_RECORD}
 * @param mapping {@code {"fields": {"field": "$.json.path", …}}} or {@code {"script": "return {…}"}};
 *                null: the payload is the record's data as it is
 */
public record Trigger(String id, String app, String name, String action, String form, String path,
    @Nullable JsonNode mapping, String createdBy, Instant createdAt) {

  public static final String CREATE_RECORD = "createRecord";

  /** A new trigger with its secrets, shown only at creation. */
  public record Created(Trigger trigger, String secret, String bearerToken) {}
}
