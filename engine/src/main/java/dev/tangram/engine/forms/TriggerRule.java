package dev.tangram.engine.forms;

import java.util.List;

/**
 * A script that reacts to this form's record events (DESIGN §3 "Rule").
 *
 * <p>A {@code before} trigger runs inside the write, after validation and formulas: it sees
 * {@code record} (the data about to be stored), {@code before} (the stored data, or null),
 * {@code event} and {@code status}, may read other records ({@code records.find/get}) and refuses the
 * write by returning a message (a string). An {@code after} trigger runs once the change is
 * committed — at least once, never twice for the same event (an execution log keeps count) — and
 * may also write records of the app ({@code records.create/update/increment}) and call plugins
 * ({@code plugins.call('ledger', 'post', {...})}).
 *
 * @param on     event types, e.g. {@code record.created}; empty means every record event
 * @param phase  {@code before} or {@code after}
 * @param script statements of a JavaScript function body
 */
public record TriggerRule(String name, List<String> on, String phase, String script) {

  public TriggerRule {
    on = List.copyOf(on);
  }

  public boolean reactsTo(String eventType) {
    return on.isEmpty() ? eventType.startsWith("record.") : on.contains(eventType);
  }
}
