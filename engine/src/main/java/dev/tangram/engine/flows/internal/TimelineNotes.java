package dev.tangram.engine.flows.internal;

import dev.tangram.engine.common.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flowable.engine.TaskService;
import org.jspecify.annotations.Nullable;

/**
 * Timeline entries are Flowable comments of type {@value #TYPE} holding a small JSON object, written
 * in the same transaction as the step they describe.
 */
public final class TimelineNotes {

  public static final String TYPE = "tangram";

  private TimelineNotes() {}

  public static void add(TaskService tasks, @Nullable String taskId, String processInstanceId, String action, String actor,
      @Nullable String node, @Nullable String comment, Map<String, ?> extra) {
    Map<String, Object> note = new LinkedHashMap<>();
    note.put("action", action);
    note.put("actor", actor);
    if (node != null) {
      note.put("node", node);
    }
    if (comment != null && !comment.isBlank()) {
      note.put("comment", comment);
    }
    note.putAll(extra);
    tasks.addComment(taskId, processInstanceId, TYPE, Json.MAPPER.writeValueAsString(note));
  }
}
