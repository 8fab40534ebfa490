package dev.tangram.runtime.ui.tasks;

import dev.tangram.engine.access.Actor;
import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.engine.flows.Flows;
import dev.tangram.engine.records.Record;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Submitting a new record of a form with a flow from the form page: into approval, or as a draft record. */
@Component
public class FlowSubmit {

  private final Flows flows;
  private final OrgDirectory directory;

  FlowSubmit(Flows flows, OrgDirectory directory) {
    this.flows = flows;
    this.directory = directory;
  }

  public boolean hasFlow(String app, String form) {
    return flows.definitions().hasFlow(app, form);
  }

  /** Calls {@code then} with the approvers the initiator picked, at once when the flow asks for none. */
  public void chooseApprovers(String app, String form, Consumer<Map<String, List<String>>> then) {
    FlowOutline outline = FlowOutline.of(flows.definitions().find(app, form));
    if (outline.initiatorChoice().isEmpty()) {
      then.accept(Map.of());
    } else {
      new ApproverChooser(outline, directory, then).open();
    }
  }

  public Record submit(String app, String form, JsonNode body, Map<String, List<String>> chosen, Actor actor) {
    return flows.instances().submit(app, form, body, chosen, actor);
  }

  public Record saveDraft(String app, String form, JsonNode body, Actor actor) {
    return flows.instances().saveDraft(app, form, body, actor);
  }
}
