package dev.tangram.engine.events;

import java.util.List;

/** The event types of DESIGN §8. */
public final class EventTypes {

  public static final String RECORD_CREATED = "record.created";
  public static final String RECORD_UPDATED = "record.updated";
  public static final String RECORD_DELETED = "record.deleted";
  public static final String FLOW_STARTED = "flow.started";
  public static final String FLOW_COMPLETED = "flow.completed";
  public static final String TASK_CREATED = "task.created";
  public static final String TASK_COMPLETED = "task.completed";

  public static final List<String> ALL = List.of(RECORD_CREATED, RECORD_UPDATED, RECORD_DELETED,
      FLOW_STARTED, FLOW_COMPLETED, TASK_CREATED, TASK_COMPLETED);

  private EventTypes() {}
}
