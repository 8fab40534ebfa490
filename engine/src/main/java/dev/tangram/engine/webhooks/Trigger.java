package dev.tangram.engine.webhooks;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An inbound URL, {@code /hooks/{token}}, that turns a signed call into a record of a form (which
 * starts the form's flow, if it has one) or into the approval or rejection of a record's open task.
 * Calls run with the permissions of its {@code user}.
 *
 * @param action  {@value #CREATE_RECORD} or {@value #COMPLETE_TASK}
 * @param mapping createRecord: {@code {"fields": {"field": "$.json.path", …}}} or {@code {"script": "return {…}"}};
 *                null: the payload is the record's data as it is
 * @param task    completeTask: {@code {"record": {"id": "$.path"} | {"field", "value": "$.path"}, "decision", "comment"?}}
 * @param user    who calls act as: the configured user, by default the creator
 */
public record Trigger(String id, String app, String name, String action, String form, String path,
    @Nullable JsonNode mapping, @Nullable JsonNode task, String user, String createdBy, Instant createdAt) {

  public static final String CREATE_RECORD = "createRecord";
  public static final String COMPLETE_TASK = "completeTask";

  /**
   * One call of the trigger as its admins see it.
   *
   * @param status   the HTTP status answered (201 created, 401 bad signature, 422 refused data …)
   * @param recordId the record created, if any
   * @param message  what happened, e.g. the refusal's reason
   */
  public record Call(Instant at, int status, @Nullable String recordId, String message) {}

  /** A new trigger with its secrets, shown only at creation. */
  public record Created(Trigger trigger, String secret, String bearerToken) {}
}
