package dev.tangram.engine.flows;

import dev.tangram.engine.records.Record;
import dev.tangram.engine.records.RecordChange;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One open task as its assignee (or an admin, read-only) works on it: the task, its node, what the
 * viewer may do, and the record as the node lets them see it. Fields the node hides are absent
 * from {@code record.data()}, {@code fields} and {@code history}; nothing in the view carries them.
 *
 * @param actions  the task actions the viewer may take now (names of {@link FlowTasks#ACTIONS}); empty when read-only
 * @param readOnly true when the viewer is an admin looking on, not an assignee or candidate
 * @param record   the record with the hidden fields removed from its data; {@code record.formVersion()} is the form version to render
 * @param fields   every field the viewer may see, in form order, as {@code edit} or {@code read} (read-only viewers: all {@code read})
 * @param timeline the record's timeline (plugin results left out where the node hides fields)
 * @param history  the record's changes without the hidden fields
 */
public record TaskView(FlowTask task, Node node, List<String> actions, boolean readOnly, Record record,
    Map<String, String> fields, List<TimelineEntry> timeline, List<RecordChange> history) {

  /**
   * The node the task stands at.
   *
   * @param mode          any | all | ratio | sequential; null for a task of uploaded BPMN
   * @param returnTargets where {@code return} may send the record: {@code initiator} and the approve nodes already passed
   */
  public record Node(String id, String name, @Nullable String mode, List<String> returnTargets) {}

  /** The form version the record was written with, i.e. the one to render it with. */
  public int formVersion() {
    return record.formVersion();
  }
}
