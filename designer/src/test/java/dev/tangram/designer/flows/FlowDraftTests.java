package dev.tangram.designer.flows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tangram.engine.common.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FlowDraftTests {

  private static final String EXAMPLE = """
      { "withdraw": "anyNode",
        "nodes": [
          {"id": "mgr", "type": "approve", "name": "Manager", "assignee": {"kind": "deptHead", "level": 2},
           "mode": "ratio", "ratio": 0.6, "fields": {"amount": "read", "note": "edit", "internal": "hidden"},
           "timeout": {"remindAfter": "PT24H", "after": "PT72H", "action": "approve"}},
          {"id": "b1", "type": "branch", "branches": [
            {"when": "amount > 5000", "nodes": [{"id": "gm", "type": "approve", "assignee": {"kind": "role", "role": "gm"}}]},
            {"otherwise": true, "nodes": []}]},
          {"id": "p1", "type": "parallel", "branches": [
            {"nodes": [{"id": "legal", "type": "approve", "assignee": {"kind": "user", "users": ["lee"]}, "mode": "all"}]},
            {"nodes": [{"id": "it", "type": "approve", "assignee": {"kind": "field", "field": "owner"}}]}]},
          {"id": "fin", "type": "cc", "to": {"kind": "role", "role": "finance"}},
          {"id": "post", "type": "action", "plugin": "ledger", "action": "simulate"} ] }
      """;

  @Test
  void aSavedFlowComesBackWithEveryAttributeTheDesignerEdits() {
    JsonNode written = Json.MAPPER.readTree(FlowDraft.read(EXAMPLE).write());

    assertThat(written.get("withdraw").asString()).isEqualTo("anyNode");
    JsonNode mgr = written.get("nodes").get(0);
    assertThat(mgr.get("assignee").get("level").asInt()).isEqualTo(2);
    assertThat(mgr.get("mode").asString()).isEqualTo("ratio");
    assertThat(mgr.get("ratio").asDouble()).isEqualTo(0.6);
    assertThat(mgr.get("fields").properties()).extracting(e -> e.getKey() + "=" + e.getValue().asString())
        .containsExactly("note=edit", "internal=hidden"); // read is the default and not written
    assertThat(mgr.get("timeout").get("remindAfter").asString()).isEqualTo("PT24H");
    assertThat(mgr.get("timeout").get("after").asString()).isEqualTo("PT72H");
    assertThat(mgr.get("timeout").get("action").asString()).isEqualTo("approve");
    JsonNode branch = written.get("nodes").get(1);
    assertThat(branch.get("branches").get(0).get("when").asString()).isEqualTo("amount > 5000");
    assertThat(branch.get("branches").get(0).get("nodes").get(0).get("assignee").get("role").asString()).isEqualTo("gm");
    assertThat(branch.get("branches").get(1).get("otherwise").asBoolean()).isTrue();
    JsonNode parallel = written.get("nodes").get(2);
    assertThat(parallel.get("branches").get(0).has("when")).isFalse();
    assertThat(parallel.get("branches").get(0).get("nodes").get(0).get("assignee").get("users").get(0).asString()).isEqualTo("lee");
    assertThat(parallel.get("branches").get(1).get("nodes").get(0).get("assignee").get("field").asString()).isEqualTo("owner");
    assertThat(written.get("nodes").get(3).get("to").get("role").asString()).isEqualTo("finance");
    assertThat(written.get("nodes").get(4).get("plugin").asString()).isEqualTo("ledger");
    assertThat(FlowDraft.read(written.toString()).write()).as("stable").isEqualTo(FlowDraft.read(EXAMPLE).write());
  }

  @Test
  void newNodesGetUnusedIdsAndABranchStartsWithAConditionAndTheDefault() {
    FlowDraft draft = FlowDraft.read(EXAMPLE);
    assertThat(draft.create("approve").id).isEqualTo("approve1");
    draft.nodes.add(draft.create("approve"));
    assertThat(draft.create("approve").id).isEqualTo("approve2");
    DesignNode branch = draft.create("branch");
    assertThat(branch.branches).hasSize(2);
    assertThat(branch.branches.get(0).otherwise).isFalse();
    assertThat(branch.branches.get(1).otherwise).isTrue();
  }

  @Test
  void anEngineProblemPathPointsAtItsNode() {
    FlowDraft draft = FlowDraft.read(EXAMPLE);
    assertThat(draft.nodeAt("nodes[0].assignee.level").id).isEqualTo("mgr");
    assertThat(draft.nodeAt("nodes[1].branches[0].nodes[0].assignee.role").id).isEqualTo("gm");
    assertThat(draft.nodeAt("nodes[1].branches[0].when").id).isEqualTo("b1");
    assertThat(draft.nodeAt("nodes[9]")).isNull();
    assertThat(draft.nodeAt("body")).isNull();
  }

  @Test
  void removingANodeFindsItInsideBranches() {
    FlowDraft draft = FlowDraft.read(EXAMPLE);
    draft.remove(draft.find("gm").orElseThrow());
    assertThat(draft.find("gm")).isEmpty();
    assertThat(draft.find("legal")).isPresent();
  }
}
