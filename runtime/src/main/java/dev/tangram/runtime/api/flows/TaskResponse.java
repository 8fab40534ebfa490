package dev.tangram.runtime.api.flows;

import dev.tangram.engine.flows.FlowTask;
import dev.tangram.engine.flows.TaskView;
import dev.tangram.engine.flows.TimelineEntry;
import dev.tangram.engine.records.RecordChange;
import dev.tangram.runtime.api.records.RecordResponse;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/tasks/{id}}: a {@link TaskView} with the record in the API's record shape. */
record TaskResponse(FlowTask task, TaskView.Node node, List<String> actions, boolean readOnly, int formVersion,
    RecordResponse record, Map<String, String> fields, List<TimelineEntry> timeline, List<RecordChange> history) {

  static TaskResponse of(TaskView v) {
    return new TaskResponse(v.task(), v.node(), v.actions(), v.readOnly(), v.formVersion(), RecordResponse.of(v.record()), v.fields(),
        v.timeline(), v.history());
  }
}
