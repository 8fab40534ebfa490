package dev.tangram.engine.flows;

import static dev.tangram.engine.flows.FlowTestNode.ADMIN;
import static dev.tangram.engine.flows.FlowTestNode.ALICE;
import static dev.tangram.engine.flows.FlowTestNode.BOB;
import static dev.tangram.engine.flows.FlowTestNode.CAROL;
import static dev.tangram.engine.flows.FlowTestNode.DAVE;
import static dev.tangram.engine.flows.FlowTestNode.ERIN;
import static dev.tangram.engine.flows.FlowTestNode.FRANK;
import static dev.tangram.engine.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.tangram.engine.access.Actor;
import dev.tangram.engine.access.DirectoryUser;
import dev.tangram.engine.access.Role;
import dev.tangram.engine.common.ConflictException;
import dev.tangram.engine.common.ForbiddenException;
import dev.tangram.engine.common.TangramException;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.flows.internal.BpmnElements;
import dev.tangram.engine.records.Record;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Approval scenarios end to end on the real engine pieces (MongoDB wire protocol, Flowable, GraalJS);
 * run once on H2 and once on PostgreSQL by the subclasses. Each test uses its own app.
 */
abstract class FlowScenarios {

  static FlowTestNode node;
  private static final AtomicInteger apps = new AtomicInteger();

  static void start(String database) {
    node = new FlowTestNode(database);
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  /** A fresh app with the expense form and {@code flow} deployed. */
  static String app(String flow) {
    return app("a" + apps.incrementAndGet(), flow);
  }

  static String app(String app, String flow) {
    node.expenseForm(app);
    node.deploy(app, flow);
    node.app = app;
    return app;
  }

  static final String TWO_STEP = "{'nodes':[{'id':'mgr','type':'approve','assignee':{'kind':'deptHead','level':1},'fields':{'note':'edit','amount':'read'}},"
      + "{'id':'gm','type':'approve','assignee':{'kind':'role','role':'gm'}}]}";

  @Test
  void excludeInitiatorSendsAHeadsOwnClaimUpALevelAndLeavesARolesInitiatorOut() {
    String app = app("{'nodes':[{'id':'mgr','type':'approve','assignee':{'kind':'deptHead','level':1},'excludeInitiator':true},"
        + "{'id':'fin','type':'approve','assignee':{'kind':'role','role':'finance'},'excludeInitiator':true}]}");
    Record heads = node.submit(app, BOB, "{'title':'Own taxi','amount':20}");
    assertThat(node.todo(BOB)).isEmpty();
    node.approve(CAROL); // the head above bob
    assertThat(node.todo(ERIN)).hasSize(1);
    assertThat(node.flows.queries().timeline(app, "expense", heads.id(), ADMIN)).extracting(TimelineEntry::action).contains("initiatorExcluded");

    Record erins = node.submit(app, ERIN, "{'title':'Own hotel','amount':80}");
    node.flows.tasks().act(node.todo(CAROL).stream().filter(t -> t.recordId().equals(erins.id())).findFirst().orElseThrow().id(),
        "approve", TaskRequest.comment("ok"), CAROL);
    assertThat(node.todo(ERIN)).extracting(FlowTask::recordId).doesNotContain(erins.id());
    assertThat(node.todo(FRANK)).extracting(FlowTask::recordId).contains(erins.id());
    assertThatThrownBy(() -> node.deploy(app, "{'nodes':[{'id':'m','type':'approve','assignee':{'kind':'initiator'},'autoApprove':true,'excludeInitiator':true}]}"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("cannot both");
  }

  @Test
  void aTwoStepFlowTakesTheRecordFromSubmitToApproved() {
    String app = app(TWO_STEP);
    Record r = node.submit(app, ALICE, "{'title':'Taxi','amount':38.5}");
    assertThat(r.status()).isEqualTo(FlowStatus.IN_APPROVAL);
    assertThat(node.onlyTask(BOB).recordId()).isEqualTo(r.id());
    node.approve(BOB);
    assertThat(node.status(app, r.id())).isEqualTo(FlowStatus.IN_APPROVAL);
    node.approve(DAVE);
    assertThat(node.status(app, r.id())).isEqualTo(FlowStatus.APPROVED);
    assertThat(node.todo(DAVE)).isEmpty();
    List<String> types = new ArrayList<>();
    node.mongo.outbox.settle(); // the events are stored off the writer's thread
    node.mongo.database.getCollection("_events").find(Filters.and(Filters.eq("recordId", r.id()), Filters.regex("type", "^(flow|task)")))
        .sort(new Document("_id", 1)).forEach(d -> types.add(d.getString("type")));
    assertThat(types).containsExactly("flow.started", "task.created", "task.completed", "task.created", "task.completed", "flow.completed");
  }

  @Test
  void approverListsAreStoredAsTextAndTheEnginesOwnVariablesKeepNoHistory() {
    String app = app(TWO_STEP);
    Record r = node.submit(app, ALICE, "{'title':'Taxi','amount':38.5}");
    String pid = node.flows.instances().running(r.id()).getId();
    var approvers = node.engine.getRuntimeService().getVariableInstance(pid, "tg_approvers_mgr");
    assertThat(approvers.getTypeName()).isEqualTo("tgStringList");
    assertThat(approvers.getValue()).isEqualTo(List.of("bob"));
    assertThat(node.engine.getRuntimeService().getVariable(pid, "tg_yes_mgr")).as("vote counts only for share nodes").isNull();
    node.approve(BOB);
    node.approve(DAVE);
    assertThat(node.status(app, r.id())).isEqualTo(FlowStatus.APPROVED);
    assertThat(node.engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pid).list())
        .extracting(v -> v.getVariableName()).containsExactlyInAnyOrder("tg_app", "tg_form", "tg_record", "tg_initiator");
  }

  @Test
  void theToDoListPagesWithItsTotalWhetherOrNotAPageIsFull() {
    node.mongo.directory.saveRole(new Role("pager", "Pager", null), true);
    Actor pager = FlowTestNode.user("pager", "hq", "pager");
    node.mongo.directory.saveUser(new DirectoryUser("pager", "Pager", null, null, List.of("hq"), List.of("pager"), true), true);
    String app = app("{'nodes':[{'id':'p','type':'approve','assignee':{'kind':'role','role':'pager'}}]}");
    for (int i = 0; i < 3; i++) {
      node.submit(app, ALICE, "{'title':'Taxi " + i + "','amount':10}");
    }
    assertThat(node.flows.queries().todo(pager, 1, 2)).extracting(FlowPage::total, p -> p.items().size()).containsExactly(3L, 2);
    assertThat(node.flows.queries().todo(pager, 2, 2)).extracting(FlowPage::total, p -> p.items().size()).containsExactly(3L, 1);
    assertThat(node.flows.queries().todo(pager, 3, 2)).extracting(FlowPage::total, p -> p.items().size()).containsExactly(3L, 0);
    assertThat(node.flows.queries().todo(pager, 1, 10)).extracting(FlowPage::total, p -> p.items().size()).containsExactly(3L, 3);
    assertThat(node.flows.queries().counts(pager)).containsEntry("todo", 3L);
  }

  @Test
  void aRejectionEndsTheFlowAndTheRecordIsRejected() {
    String app = app(TWO_STEP);
    Record r = node.submit(app, ALICE, "{'title':'Caviar','amount':900}");
    node.flows.tasks().act(node.onlyTask(BOB).id(), "reject", TaskRequest.comment("no"), BOB);
    assertThat(node.status(app, r.id())).isEqualTo(FlowStatus.REJECTED);
    assertThat(node.todo(DAVE)).isEmpty();
    assertThat(node.flows.queries().done(BOB, 1, 10).items()).extracting(FlowTask::recordId).contains(r.id());
  }

  @Test
  void branchConditionsAreEvaluatedBySandboxAgainstTheRecord() {
    String app = app("""
        {'nodes':[{'id':'mgr','type':'approve','assignee':{'kind':'deptHead','level':1}},
          {'type':'branch','branches':[
            {'when':'amount > 5000 && title.length > 0','nodes':[{'id':'gm','type':'approve','assignee':{'kind':'role','role':'gm'}}]},
            {'otherwise':true,'nodes':[]}]}]}""");
    Record small = node.submit(app, ALICE, "{'title':'Pens','amount':20}");
    Record big = node.submit(app, ALICE, "{'title':'Car','amount':9000}");
    for (int i = 0; i < 2; i++) {
      node.flows.tasks().act(node.todo(BOB).getFirst().id(), "approve", TaskRequest.comment(null), BOB);
    }
    assertThat(node.status(app, small.id())).isEqualTo(FlowStatus.APPROVED);
    assertThat(node.status(app, big.id())).isEqualTo(FlowStatus.IN_APPROVAL);
    assertThat(node.onlyTask(DAVE).recordId()).isEqualTo(big.id());
  }

  @Test
  void aFlowThatEndsWhileItStartsApprovesTheRecordAtOnce() throws InterruptedException {
    // a key this long makes Flowable give the definition a bare generated id instead of "key:version:id"
    String app = app("a" + apps.incrementAndGet() + "_purchasing_department", """
        {'nodes':[{'type':'branch','branches':[
            {'when':'amount > 5000','nodes':[{'id':'gm','type':'approve','assignee':{'kind':'role','role':'gm'}}]},
            {'otherwise':true,'nodes':[]}]}]}""");
    Record small = node.submit(app, ALICE, "{'title':'Pens','amount':20}");
    for (int i = 0; i < 100 && !FlowStatus.APPROVED.equals(node.status(app, small.id())); i++) {
      Thread.sleep(100);
    }
    assertThat(node.status(app, small.id())).isEqualTo(FlowStatus.APPROVED);
  }

  @Test
  void allModeNeedsEveryApproverAndSequentialModeGoesInOrder() {
    String app = app("{'nodes':[{'id':'both','type':'approve','mode':'all','assignee':{'kind':'role','role':'finance'}},"
        + "{'id':'seq','type':'approve','mode':'sequential','assignee':{'kind':'user','users':['carol','bob']}}]}");
    Record r = node.submit(app, ALICE, "{'title':'Desk','amount':300}");
    node.approve(ERIN);
    assertThat(node.todo(FRANK)).hasSize(1);
    assertThat(node.todo(CAROL)).isEmpty();
    node.approve(FRANK);
    assertThat(node.todo(BOB)).isEmpty();
    node.approve(CAROL);
    node.approve(BOB);
    assertThat(node.status(app, r.id())).isEqualTo(FlowStatus.APPROVED);
  }

  @Test
  void anAnyNodeIsOneTaskSharedByItsApproversAndWhoeverActsTakesItOrMovesOnlyTheirShare() {
    String app = app("{'nodes':[{'id':'fin','type':'approve','assignee':{'kind':'role','role':'finance'}}]}");
    Record r = node.submit(app, ALICE, "{'title':'Chair','amount':70}");
    FlowTask shared = node.onlyTask(ERIN);
    assertThat(node.onlyTask(FRANK).id()).isEqualTo(shared.id());
    assertThat(shared.assignee()).isNull();
    node.mongo.outbox.settle(); // the events are stored off the writer's thread
    Document created = node.mongo.database.getCollection("_events").find(Filters.and(Filters.eq("recordId", r.id()), Filters.eq("type", "task.created"))).first();
    assertThat(created.get("details", Document.class).getList("candidates", String.class)).containsExactlyInAnyOrder("erin", "frank");
    String pid = node.engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(r.id()).singleResult().getId();
    assertThat(node.engine.getRuntimeService().createExecutionQuery().processInstanceId(pid).list())
        .as("no multi-instance executions").hasSize(2); // the instance and the task's execution

    node.flows.tasks().act(shared.id(), "transfer", TaskRequest.to("carol"), ERIN);
    assertThat(node.todo(ERIN)).isEmpty();
    assertThat(node.onlyTask(FRANK).id()).isEqualTo(shared.id());
    assertThat(node.flows.tasks().handOver("frank", "bob", ADMIN)).isPositive(); // and those frank has from other tests
    assertThat(node.todo(FRANK)).isEmpty();
    assertThat(node.onlyTask(BOB).id()).isEqualTo(shared.id());

    node.approve(CAROL);
    assertThat(node.status(app, r.id())).isEqualTo(FlowStatus.APPROVED);
    assertThat(node.todo(BOB)).isEmpty();
    expectFailure(() -> node.flows.tasks().act(shared.id(), "approve", TaskRequest.comment(null), BOB), ConflictException.class);
    assertThat(node.flows.queries().done(CAROL, 1, 10).items()).extracting(FlowTask::id, FlowTask::assignee).contains(tuple(shared.id(), "carol"));
  }

  @Test
  void ratioModePassesAtItsShareAndFailsWhenItCanNoLongerBeReached() {
    String app = app("{'nodes':[{'id':'board','type':'approve','mode':'ratio','ratio':0.6,'assignee':{'kind':'user','users':['bob','carol','dave']}}]}");
    Record passes = node.submit(app, ALICE, "{'title':'A','amount':1}");
    node.flows.tasks().act(node.onlyTask(BOB).id(), "reject", TaskRequest.comment("no"), BOB);
    assertThat(node.status(app, passes.id())).isEqualTo(FlowStatus.IN_APPROVAL);
    node.approve(CAROL);
    node.approve(DAVE);
    assertThat(node.status(app, passes.id())).isEqualTo(FlowStatus.APPROVED);

    Record fails = node.submit(app, ALICE, "{'title':'B','amount':1}");
    node.flows.tasks().act(node.onlyTask(BOB).id(), "reject", TaskRequest.comment(null), BOB);
    node.flows.tasks().act(node.onlyTask(CAROL).id(), "reject", TaskRequest.comment(null), CAROL);
    assertThat(node.status(app, fails.id())).isEqualTo(FlowStatus.REJECTED);
    assertThat(node.todo(DAVE)).isEmpty();
  }

  @Test
  void anEmptyApproverRuleSkipsOrGoesToTheAppAdminAndInitiatorsAreAutoApproved() {
    String app = app("{'nodes':[{'id':'nobody','type':'approve','whenEmpty':'skip','assignee':{'kind':'field','field':'owner'}},"
        + "{'id':'self','type':'approve','autoApprove':true,'assignee':{'kind':'initiator'}},"
        + "{'id':'admin','type':'approve','assignee':{'kind':'role','role':'gm'}},"
        + "{'id':'fallback','type':'approve','whenEmpty':'admin','assignee':{'kind':'deptHead','level':5}}]}");
    Record r = node.submit(app, ALICE, "{'title':'A','amount':1}");
    assertThat(node.todo(ALICE)).isEmpty();
    node.approve(DAVE);
    node.approve(ADMIN);
    assertThat(node.status(app, r.id())).isEqualTo(FlowStatus.APPROVED);
    assertThat(node.flows.queries().timeline(app, "expense", r.id(), ALICE)).extracting(TimelineEntry::action)
        .contains("submitted", "skipped", "autoApproved", "approve", "toAdmin", "completed");
  }

  @Test
  void whoApprovedTheNodeBeforeIsAutoApprovedAndFlowsWithoutAutoApproveDoNotKeepTrackOfIt() {
    String app = app("{'nodes':[{'id':'first','type':'approve','assignee':{'kind':'user','users':['bob']}},"
        + "{'id':'again','type':'approve','autoApprove':true,'assignee':{'kind':'user','users':['bob','carol']},'mode':'all'},"
        + "{'id':'last','type':'approve','autoApprove':true,'assignee':{'kind':'user','users':['carol']}}]}");
    Record r = node.submit(app, ALICE, "{'title':'A','amount':1}");
    node.approve(BOB);
    assertThat(node.todo(BOB)).isEmpty(); // bob approved the node before
    node.approve(CAROL);
    assertThat(node.status(app, r.id())).isEqualTo(FlowStatus.APPROVED); // and carol the one before the last
    assertThat(node.flows.queries().timeline(app, "expense", r.id(), ALICE)).extracting(TimelineEntry::action)
        .containsSubsequence("approve", "autoApproved", "approve", "autoApproved");

    String plain = app("{'nodes':[{'id':'first','type':'approve','assignee':{'kind':'user','users':['bob']}},"
        + "{'id':'second','type':'approve','assignee':{'kind':'user','users':['bob']}}]}");
    Record p = node.submit(plain, ALICE, "{'title':'B','amount':2}");
    node.approve(BOB);
    String pid = node.engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(p.id()).singleResult().getId();
    assertThat(node.engine.getRuntimeService().getVariables(pid)).doesNotContainKey(BpmnElements.VAR_LAST);
    node.approve(BOB);
    assertThat(node.status(plain, p.id())).isEqualTo(FlowStatus.APPROVED);
  }

  @Test
  void chosenApproversParallelBranchesCcAndActionNodes() {
    EchoPlugin.POSTED.clear();
    String app = app("""
        {'nodes':[{'id':'pick','type':'approve','assignee':{'kind':'initiatorChoice'}},
          {'type':'parallel','branches':[
            {'nodes':[{'id':'p1','type':'approve','assignee':{'kind':'user','user':'bob'}}]},
            {'nodes':[{'id':'p2','type':'approve','assignee':{'kind':'user','user':'erin'}}]}]},
          {'id':'fin','type':'cc','to':{'kind':'role','role':'finance'}},
          {'id':'post','type':'action','plugin':'echo','action':'post'}]}""");
    Record r = node.flows.instances().submit(app, "expense", json("{'data':{'title':'Chairs','amount':80}}"),
        Map.of("pick", List.of("carol")), ALICE);
    node.approve(CAROL);
    node.approve(BOB);
    assertThat(node.status(app, r.id())).isEqualTo(FlowStatus.IN_APPROVAL);
    node.approve(ERIN);
    assertThat(node.status(app, r.id())).isEqualTo(FlowStatus.APPROVED);
    assertThat(EchoPlugin.POSTED).containsExactly("Chairs");
    assertThat(node.flows.queries().copiedToMe(FRANK, 1, 10).items()).extracting(FlowQueries.CopiedFlow::recordId).containsExactly(r.id());
    assertThat(node.flows.queries().copiedToMe(ERIN, 1, 10).items()).extracting(FlowQueries.CopiedFlow::recordId).containsExactly(r.id());
    assertThat(node.flows.queries().done(ERIN, 1, 200).items()).extracting(FlowTask::recordId).contains(r.id());
  }

  @Test
  void returnToTheInitiatorMakesADraftThatCanBeSentAgainAndReturnToAnEarlierNodeReopensIt() {
    String app = app(TWO_STEP);
    Record r = node.submit(app, ALICE, "{'title':'Hotel','amount':120}");
    node.approve(BOB);
    FlowTask gm = node.onlyTask(DAVE);
    assertThatThrownBy(() -> node.flows.tasks().act(gm.id(), "return", new TaskRequest(null, null, null, null, "nope", null, null), DAVE))
        .isInstanceOf(ValidationException.class);
    node.flows.tasks().act(gm.id(), "return", new TaskRequest("check again", null, null, null, "mgr", null, null), DAVE);
    assertThat(node.todo(DAVE)).isEmpty();
    node.flows.tasks().act(node.onlyTask(BOB).id(), "return", new TaskRequest("fix it", null, null, null, "initiator", null, null), BOB);
    assertThat(node.status(app, r.id())).isEqualTo(FlowStatus.DRAFT);
    node.flows.instances().send(app, "expense", r.id(), Map.of(), null, ALICE);
    node.approve(BOB);
    node.approve(DAVE);
    assertThat(node.status(app, r.id())).isEqualTo(FlowStatus.APPROVED);
    assertThat(node.flows.queries().started(ALICE, 1, 10).items()).filteredOn(s -> s.recordId().equals(r.id()))
        .extracting(FlowQueries.StartedFlow::outcome).containsExactly("approved", "returned");
  }

  @Test
  void transferDelegateAndAddSign() {
    String app = app(TWO_STEP);
    Record r = node.submit(app, ALICE, "{'title':'Lamp','amount':10}");
    node.flows.tasks().act(node.onlyTask(BOB).id(), "transfer", TaskRequest.to("carol"), BOB);
    assertThat(node.todo(BOB)).isEmpty();
    node.flows.tasks().act(node.onlyTask(CAROL).id(), "delegate", TaskRequest.to("erin"), CAROL);
    node.approve(ERIN); // resolves the delegation: back to carol
    assertThat(node.onlyTask(CAROL).owner()).isEqualTo("carol");
    node.flows.tasks().act(node.onlyTask(CAROL).id(), "addSign", new TaskRequest(null, null, null, "frank", null, "after", null), CAROL);
    node.approve(FRANK);
    FlowTask gm = node.onlyTask(DAVE);
    node.flows.tasks().act(gm.id(), "addSign", new TaskRequest(null, null, null, "erin", null, "parallel", null), DAVE);
    node.approve(DAVE); // mode any: one of the two is enough
    assertThat(node.todo(ERIN)).isEmpty();
    assertThat(node.status(app, r.id())).isEqualTo(FlowStatus.APPROVED);
  }

  @Test
  void theInitiatorMayWithdrawOnlyBeforeTheFirstApproval() {
    String app = app(TWO_STEP);
    Record early = node.submit(app, ALICE, "{'title':'A','amount':1}");
    assertThatThrownBy(() -> node.flows.instances().withdraw(app, "expense", early.id(), null, BOB)).isInstanceOf(ForbiddenException.class);
    node.flows.instances().withdraw(app, "expense", early.id(), "oops", ALICE);
    assertThat(node.status(app, early.id())).isEqualTo(FlowStatus.WITHDRAWN);
    assertThat(node.todo(BOB)).isEmpty();

    Record late = node.submit(app, ALICE, "{'title':'B','amount':1}");
    node.approve(BOB);
    assertThatThrownBy(() -> node.flows.instances().withdraw(app, "expense", late.id(), null, ALICE))
        .isInstanceOf(ConflictException.class).hasMessageContaining("already been approved");
    assertThat(node.status(app, late.id())).isEqualTo(FlowStatus.IN_APPROVAL);
  }

  @Test
  void nodeFieldPermissionsAreEnforcedWhenATaskIsCompletedWithChangedData() {
    String app = app(TWO_STEP);
    Record r = node.submit(app, ALICE, "{'title':'Trip','amount':400}");
    FlowTask task = node.onlyTask(BOB);
    ObjectNode forbidden = (ObjectNode) json("{'note':'ok','amount':1}");
    assertThatThrownBy(() -> node.flows.tasks().act(task.id(), "approve", new TaskRequest(null, forbidden, null, null, null, null, null), BOB))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(f -> f.field()).containsExactly("data.amount"));
    assertThat(node.mongo.records.getUnconstrained(app, "expense", r.id()).data().get("amount").decimalValue()).isEqualByComparingTo("400");
    assertThat(node.onlyTask(BOB).id()).isEqualTo(task.id());
    node.flows.tasks().act(task.id(), "approve", new TaskRequest(null, (ObjectNode) json("{'note':'checked'}"), null, null, null, null, null), BOB);
    assertThat(node.mongo.records.getUnconstrained(app, "expense", r.id()).data().get("note").asString()).isEqualTo("checked");
  }

  @Test
  void theTaskViewShowsTheRecordThroughTheNodesFieldPermissionsAndNeverAHiddenField() {
    String app = app("""
        {'nodes':[{'id':'first','type':'approve','assignee':{'kind':'user','user':'carol'},'fields':{'note':'edit'}},
          {'id':'post','type':'action','plugin':'echo','action':'post'},
          {'id':'mgr','type':'approve','name':'Manager','assignee':{'kind':'user','user':'bob'},'fields':{'note':'hidden','title':'edit'}}]}""");
    Record r = node.submit(app, ALICE, "{'title':'Trip','amount':400,'note':'secret-1'}");
    TaskView first = node.flows.tasks().view(node.onlyTask(CAROL).id(), CAROL);
    assertThat(first.readOnly()).isFalse();
    assertThat(first.actions()).contains("approve", "reject", "return", "transfer", "addSign").doesNotContain("urge");
    assertThat(first.fields()).containsEntry("note", "edit").containsEntry("amount", "read").containsEntry("title", "read");
    assertThat(first.record().data().get("note").asString()).isEqualTo("secret-1");
    assertThat(first.node().returnTargets()).containsExactly("initiator");
    node.flows.tasks().act(first.task().id(), "approve",
        new TaskRequest(null, (ObjectNode) json("{'note':'secret-2'}"), first.record().version(), null, null, null, null), CAROL);

    FlowTask mgr = node.onlyTask(BOB);
    TaskView view = node.flows.tasks().view(mgr.id(), BOB);
    assertThat(view.node()).isEqualTo(new TaskView.Node("mgr", "Manager", "any", List.of("initiator", "first")));
    assertThat(view.formVersion()).isEqualTo(1);
    assertThat(view.fields()).containsExactly(Map.entry("title", "edit"), Map.entry("amount", "read"), Map.entry("dept", "read"),
        Map.entry("owner", "read"));
    assertThat(view.record().data().has("note")).isFalse();
    assertThat(view.record().data().get("title").asString()).isEqualTo("Trip");
    assertThat(view.timeline()).extracting(TimelineEntry::action).contains("submitted", "approve", "action");
    assertThat(view.history()).isNotEmpty();
    String everything = dev.tangram.engine.common.Json.MAPPER.writeValueAsString(view);
    assertThat(everything).doesNotContain("secret").doesNotContain("\"note\"");
    // the plain timeline (for those who may view the record) still has the plugin's result
    assertThat(dev.tangram.engine.common.Json.MAPPER.writeValueAsString(node.flows.queries().timeline(app, "expense", r.id(), ALICE)))
        .contains("secret-2");

    TaskView admin = node.flows.tasks().view(mgr.id(), ADMIN);
    assertThat(admin.readOnly()).isTrue();
    assertThat(admin.actions()).containsExactly("urge");
    assertThat(admin.fields()).containsEntry("title", "read").doesNotContainKey("note");
    assertThat(admin.record().data().has("note")).isFalse();
    assertThatThrownBy(() -> node.flows.tasks().view(mgr.id(), FRANK)).isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> node.flows.tasks().view(mgr.id(), ALICE)).isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> node.flows.tasks().view("no-such-task", BOB)).isInstanceOf(dev.tangram.engine.common.NotFoundException.class);

    for (String refused : List.of("{'note':'guess'}", "{'amount':1}", "{'title':'Trip 2','note':'secret-2'}")) {
      assertThatThrownBy(() -> node.flows.tasks().act(mgr.id(), "approve", new TaskRequest(null, (ObjectNode) json(refused), null, null, null, null, null), BOB))
          .isInstanceOf(ValidationException.class)
          .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(f -> f.code()).containsOnly("notEditable"));
    }
    Record unchanged = node.mongo.records.getUnconstrained(app, "expense", r.id());
    assertThat(unchanged.data().get("note").asString()).isEqualTo("secret-2");
    assertThat(unchanged.data().get("title").asString()).isEqualTo("Trip");
    assertThat(unchanged.version()).isEqualTo(view.record().version());
    node.flows.tasks().act(mgr.id(), "approve", new TaskRequest(null, (ObjectNode) json("{'title':'Trip 2'}"), view.record().version(), null, null, null, null), BOB);
    assertThat(node.status(app, r.id())).isEqualTo(FlowStatus.APPROVED);
    assertThatThrownBy(() -> node.flows.tasks().view(mgr.id(), BOB)).isInstanceOf(ConflictException.class).hasMessageContaining("already completed");
  }

  @Test
  void onlyTheAssigneeActsAFinishedTaskIsAConflictAndOfTwoRacingApproversOneWins() throws Exception {
    String app = app("{'nodes':[{'id':'fin','type':'approve','mode':'any','assignee':{'kind':'user','users':['erin']}}]}");
    Record r = node.submit(app, ALICE, "{'title':'A','amount':1}");
    FlowTask task = node.onlyTask(ERIN);
    assertThatThrownBy(() -> node.flows.tasks().act(task.id(), "approve", TaskRequest.comment(null), FRANK)).isInstanceOf(ForbiddenException.class);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<String>> results = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      results.add(pool.submit(() -> {
        go.await();
        try {
          node.flows.tasks().act(task.id(), "approve", TaskRequest.comment(null), ERIN);
          return "ok";
        } catch (ConflictException e) {
          return "409";
        }
      }));
    }
    go.countDown();
    List<String> outcomes = new ArrayList<>();
    for (Future<String> f : results) {
      outcomes.add(f.get());
    }
    pool.shutdown();
    assertThat(outcomes).containsExactlyInAnyOrder("ok", "409");
    assertThat(node.status(app, r.id())).isEqualTo(FlowStatus.APPROVED);
    assertThatThrownBy(() -> node.flows.tasks().act(task.id(), "approve", TaskRequest.comment(null), ERIN))
        .isInstanceOf(ConflictException.class).hasMessageContaining("already completed");
  }

  /**
   * The interleaving behind the old flaky "Unknown property ${tg_approvers_fin}": the loser loads
   * the task before the winner commits and the instance's variables after it (read committed), so
   * Flowable's multi-instance finds its collection gone. Forced here: the first approver to reach
   * task completion waits (up to 2 s) for the second to get there too, the second waits until the
   * first has committed. With the instance locked at the start of every task action the second
   * never gets there: it waits for the lock, then finds the task completed — a 409.
   */
  @Test
  void theLoserOfARaceNeverSeesAHalfEndedInstance() throws Exception {
    String app = app("{'nodes':[{'id':'fin','type':'approve','mode':'any','assignee':{'kind':'user','users':['erin']}}]}");
    Record r = node.submit(app, ALICE, "{'title':'Race','amount':1}");
    String task = node.onlyTask(ERIN).id();
    CountDownLatch secondArrived = new CountDownLatch(1);
    CountDownLatch firstCommitted = new CountDownLatch(1);
    AtomicInteger arrivals = new AtomicInteger();
    org.flowable.common.engine.api.delegate.event.FlowableEventListener pause = new org.flowable.common.engine.api.delegate.event.FlowableEventListener() {
      @Override
      public void onEvent(org.flowable.common.engine.api.delegate.event.FlowableEvent event) {
        if (event instanceof org.flowable.common.engine.api.delegate.event.FlowableEntityEvent e
            && e.getEntity() instanceof org.flowable.task.api.Task t && t.getId().equals(task)) {
          try {
            if (arrivals.incrementAndGet() == 1) {
              secondArrived.await(2, java.util.concurrent.TimeUnit.SECONDS);
            } else {
              secondArrived.countDown();
              firstCommitted.await(10, java.util.concurrent.TimeUnit.SECONDS);
            }
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
          }
        }
      }

      @Override
      public boolean isFailOnException() {
        return false;
      }

      @Override
      public boolean isFireOnTransactionLifecycleEvent() {
        return false;
      }

      @Override
      public String getOnTransaction() {
        return null;
      }
    };
    node.engine.getRuntimeService().addEventListener(pause, org.flowable.common.engine.api.delegate.event.FlowableEngineEventType.TASK_COMPLETED);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        results.add(pool.submit(() -> {
          try {
            node.flows.tasks().act(task, "approve", TaskRequest.comment(null), ERIN);
            firstCommitted.countDown();
            return "ok";
          } catch (ConflictException e) {
            return "409";
          } catch (RuntimeException e) {
            return "error: " + e.getMessage();
          }
        }));
      }
      List<String> outcomes = new ArrayList<>();
      for (Future<String> f : results) {
        outcomes.add(f.get());
      }
      assertThat(outcomes).containsExactlyInAnyOrder("ok", "409");
      assertThat(arrivals.get()).as("the loser never completed the task").isEqualTo(1);
      assertThat(node.status(app, r.id())).isEqualTo(FlowStatus.APPROVED);
    } finally {
      node.engine.getRuntimeService().removeEventListener(pause);
      pool.shutdown();
    }
  }

  @Test
  void anAdminHandsAllOpenTasksOfALeavingUserToSomeoneElse() {
    String app = app(TWO_STEP);
    node.submit(app, ALICE, "{'title':'A','amount':1}");
    node.submit(app, ALICE, "{'title':'B','amount':2}");
    assertThatThrownBy(() -> node.flows.tasks().handOver("bob", "carol", DAVE)).isInstanceOf(ForbiddenException.class);
    assertThat(node.flows.tasks().handOver("bob", "carol", ADMIN)).isGreaterThanOrEqualTo(2);
    assertThat(node.todo(BOB)).isEmpty();
    assertThat(node.todo(CAROL)).hasSize(2);
  }

  @Test
  void urgeCommentTimelineAndDiagram() {
    String app = app(TWO_STEP);
    Record r = node.submit(app, ALICE, "{'title':'A','amount':1}");
    FlowTask task = node.onlyTask(BOB);
    node.flows.tasks().act(task.id(), "urge", TaskRequest.comment("please"), ALICE);
    assertThatThrownBy(() -> node.flows.tasks().act(task.id(), "urge", TaskRequest.comment(null), CAROL)).isInstanceOf(ForbiddenException.class);
    node.flows.tasks().act(task.id(), "comment", TaskRequest.comment("looking"), BOB);
    var timeline = node.flows.queries().timeline(app, "expense", r.id(), ALICE);
    assertThat(timeline).extracting(TimelineEntry::action).containsExactly("submitted", "urge", "comment");
    assertThat(timeline.get(2).comment()).isEqualTo("looking");
    FlowDiagram diagram = node.flows.queries().diagram(app, "expense", r.id(), ALICE);
    assertThat(diagram.activeNodes()).containsExactly("mgr");
    assertThat(diagram.bpmnXml()).contains("id=\"gm\"");
  }

  @Test
  void theDiagramSvgMarksWhereTheInstanceStandsAndEscapesEveryName() throws Exception {
    String app = app("""
        {'nodes':[{'id':'mgr','type':'approve','name':'Boss <b>&amp; \\"co\\"</b>','assignee':{'kind':'deptHead','level':1}},
          {'type':'branch','branches':[
            {'when':'amount > 5000 && title != \\"<x>\\"','nodes':[{'id':'gm','type':'approve','name':'总经理审批','assignee':{'kind':'role','role':'gm'}}]},
            {'otherwise':true,'nodes':[]}]},
          {'type':'parallel','branches':[
            {'nodes':[{'id':'p1','type':'approve','assignee':{'kind':'user','user':'erin'},'timeout':{'remindAfter':'PT1H'}}]},
            {'nodes':[{'id':'p2','type':'approve','assignee':{'kind':'user','user':'frank'}}]}]}]}""");
    Record r = node.submit(app, ALICE, "{'title':'Car','amount':9000}");
    node.approve(BOB);
    org.w3c.dom.Document svg = FlowSvg.parse(node.flows.queries().diagramSvg(app, "expense", r.id(), ALICE));
    assertThat(FlowSvg.state(svg, "gm")).isEqualTo("active");
    assertThat(FlowSvg.state(svg, "mgr")).isEqualTo("done");
    assertThat(FlowSvg.state(svg, "tg_start")).isEqualTo("done");
    assertThat(FlowSvg.state(svg, "p1")).isEqualTo("pending");
    assertThat(FlowSvg.state(svg, "tg_end")).isEqualTo("pending");
    assertThat(FlowSvg.node(svg, "mgr").getTextContent()).contains("Boss <b>&amp; \"co\"</b>");
    assertThat(FlowSvg.node(svg, "gm").getTextContent()).contains("总经理审批");
    assertThat(svg.getElementsByTagName("b").getLength()).isZero();
    assertThat(svg.getElementsByTagName("script").getLength()).isZero();
    assertThat(FlowSvg.takenFlows(svg)).isNotEmpty();
    assertThat(FlowSvg.texts(svg)).anyMatch(t -> t.contains("amount > 5000"));
    // laid out top to bottom: each node below the one before it
    assertThat(FlowSvg.y(svg, "tg_start")).isLessThan(FlowSvg.y(svg, "mgr"));
    assertThat(FlowSvg.y(svg, "mgr")).isLessThan(FlowSvg.y(svg, "gm"));
    assertThat(FlowSvg.y(svg, "gm")).isLessThan(FlowSvg.y(svg, "p1"));
    assertThat(FlowSvg.y(svg, "p1")).isEqualTo(FlowSvg.y(svg, "p2"));
    assertThat(FlowSvg.y(svg, "p2")).isLessThan(FlowSvg.y(svg, "tg_end"));

    String processInstanceId = node.flows.queries().diagram(app, "expense", r.id(), ALICE).processInstanceId();
    assertThat(FlowSvg.state(FlowSvg.parse(node.flows.queries().instanceSvg(processInstanceId, ALICE)), "gm")).isEqualTo("active");
    assertThatThrownBy(() -> node.flows.queries().instanceSvg("nope", ALICE)).isInstanceOf(dev.tangram.engine.common.NotFoundException.class);
    org.w3c.dom.Document plain = FlowSvg.parse(node.flows.queries().flowSvg(app, "expense", null));
    assertThat(FlowSvg.state(plain, "gm")).isEqualTo("pending");
    assertThat(FlowSvg.takenFlows(plain)).isEmpty();
    assertThatThrownBy(() -> node.flows.queries().flowSvg(app, "expense", 7)).isInstanceOf(dev.tangram.engine.common.NotFoundException.class);
  }

  @Test
  void uploadedBpmnWithItsOwnDiagramIsDrawnWhereTheModelerPutIt() throws Exception {
    String app = "a" + apps.incrementAndGet();
    node.expenseForm(app);
    node.app = app;
    node.flows.definitions().deploy(app, "expense", FlowBpmn.WITH_DI, ADMIN);
    Record r = node.submit(app, ALICE, "{'title':'A','amount':1}");
    org.w3c.dom.Document svg = FlowSvg.parse(node.flows.queries().diagramSvg(app, "expense", r.id(), ALICE));
    assertThat(FlowSvg.state(svg, "review")).isEqualTo("active");
    assertThat(FlowSvg.state(svg, "start")).isEqualTo("done");
    var rect = (org.w3c.dom.Element) FlowSvg.node(svg, "review").getElementsByTagName("rect").item(0);
    assertThat(rect.getAttribute("x")).isEqualTo("224"); // 300 - (100 - margin 24)
    assertThat(rect.getAttribute("width")).isEqualTo("100");
    assertThat(FlowSvg.node(svg, "review").getTextContent()).contains("Review <first>");
  }

  @Test
  void runningInstancesFinishOnTheirVersionAfterANewOneIsDeployed() {
    String app = app(TWO_STEP);
    Record old = node.submit(app, ALICE, "{'title':'Old','amount':1}");
    node.deploy(app, "{'nodes':[{'id':'only','type':'approve','assignee':{'kind':'user','user':'erin'}}]}");
    Record fresh = node.submit(app, ALICE, "{'title':'New','amount':1}");
    node.approve(BOB);
    node.approve(DAVE);
    node.approve(ERIN);
    assertThat(node.status(app, old.id())).isEqualTo(FlowStatus.APPROVED);
    assertThat(node.status(app, fresh.id())).isEqualTo(FlowStatus.APPROVED);
  }

  @Test
  void aTimeoutRemindsFirstAndThenDecidesOnItsOwn() {
    String app = app("{'nodes':[{'id':'mgr','type':'approve','assignee':{'kind':'user','user':'bob'},"
        + "'timeout':{'remindAfter':'PT1H','after':'PT2H','action':'approve'}},"
        + "{'id':'gm','type':'approve','assignee':{'kind':'role','role':'gm'},'timeout':{'after':'PT1H','action':'reject'}}]}");
    Record r = node.submit(app, ALICE, "{'title':'A','amount':1}");
    fireTimer(r.id(), "mgr_tg_remind");
    assertThat(node.todo(BOB)).hasSize(1);
    fireTimer(r.id(), "mgr_tg_timeout");
    assertThat(node.todo(BOB)).isEmpty();
    assertThat(node.todo(DAVE)).hasSize(1);
    fireTimer(r.id(), "gm_tg_timeout");
    assertThat(node.status(app, r.id())).isEqualTo(FlowStatus.REJECTED);
    assertThat(node.flows.queries().timeline(app, "expense", r.id(), ALICE)).extracting(TimelineEntry::action)
        .containsSubsequence("submitted", "reminder", "timeoutApproved", "timeoutRejected", "completed");
  }

  /** What the async executor does when a timer is due, done now. */
  private static void fireTimer(String recordId, String boundaryEvent) {
    var management = node.engine.getManagementService();
    String pid = node.engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(recordId).singleResult().getId();
    var job = management.createTimerJobQuery().processInstanceId(pid).elementId(boundaryEvent).singleResult();
    management.executeJob(management.moveTimerToExecutableJob(job.getId()).getId());
  }

  // ---- consistency: what a crash between the two stores leaves, and the repair ----

  @Test
  void aRecordWhoseStartWasLostGetsItsInstanceFromTheRepair() {
    String app = app(TWO_STEP);
    Record r = node.submit(app, ALICE, "{'title':'A','amount':1}");
    // the process died after the record write and before the start: no instance, record in approval
    node.flows.instances().cancel(r.id(), "crash");
    node.engine.getHistoryService().deleteHistoricProcessInstance(
        node.engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(r.id()).singleResult().getId());
    assertThat(node.todo(BOB)).isEmpty();
    assertThat(node.flows.repair().repair(Duration.ZERO).started()).isEqualTo(1);
    assertThat(node.onlyTask(BOB).recordId()).isEqualTo(r.id());
    assertThat(node.flows.repair().repair(Duration.ZERO)).isEqualTo(new FlowRepair.Report(0, 0, 0));
  }

  @Test
  void aRecordWhoseStatusChangeWasLostIsFinishedByTheRepair() {
    String app = app(TWO_STEP);
    Record approved = node.submit(app, ALICE, "{'title':'A','amount':1}");
    Record rejected = node.submit(app, ALICE, "{'title':'B','amount':1}");
    node.flows.tasks().act(node.todo(BOB).stream().filter(t -> t.recordId().equals(rejected.id())).findFirst().orElseThrow().id(),
        "reject", TaskRequest.comment(null), BOB);
    node.approve(BOB);
    node.approve(DAVE);
    // the process died after Flowable's commit and before the record write: put the records back
    for (Record r : List.of(approved, rejected)) {
      node.mongo.database.getCollection("records." + app + ".expense").updateOne(Filters.eq("_id", new ObjectId(r.id())),
          Updates.combine(Updates.set("status", FlowStatus.IN_APPROVAL), Updates.set("updatedAt", new java.util.Date(0))));
    }
    assertThat(node.flows.repair().repair(Duration.ZERO).finished()).isEqualTo(2);
    assertThat(node.status(app, approved.id())).isEqualTo(FlowStatus.APPROVED);
    assertThat(node.status(app, rejected.id())).isEqualTo(FlowStatus.REJECTED);
  }

  @Test
  void anInstanceWhoseRecordIsGoneIsEndedByTheRepairAndADeleteEndsItAtOnce() {
    String app = app(TWO_STEP);
    Record orphan = node.submit(app, ALICE, "{'title':'A','amount':1}");
    Record deleted = node.submit(app, ALICE, "{'title':'B','amount':1}");
    node.mongo.records.delete(app, "expense", deleted.id(), null, ALICE);
    assertThat(node.todo(BOB)).extracting(FlowTask::recordId).containsExactly(orphan.id());
    // the process died after the record's deletion and before its event reached the flows
    node.mongo.database.getCollection("records." + app + ".expense").deleteOne(Filters.eq("_id", new ObjectId(orphan.id())));
    assertThat(node.flows.repair().repair(Duration.ZERO).cancelled()).isEqualTo(1);
    assertThat(node.todo(BOB)).isEmpty();
  }

  @Test
  void theStartIsDrivenByTheCommittedRecordEventAndRetriedWhenItFails() {
    String app = app(TWO_STEP);
    node.engine.getRepositoryService().suspendProcessDefinitionByKey("tg." + app + ".expense");
    Record r = node.submit(app, ALICE, "{'title':'A','amount':1}");
    assertThat(r.status()).isEqualTo(FlowStatus.IN_APPROVAL);
    assertThat(node.todo(BOB)).isEmpty();
    assertThat(node.mongo.outbox.pendingCount()).isPositive();
    node.engine.getRepositoryService().activateProcessDefinitionByKey("tg." + app + ".expense");
    var later = new dev.tangram.engine.events.EventOutbox(node.mongo.database,
        java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofMinutes(1)));
    later.register(new dev.tangram.engine.records.internal.RecordHistory(node.mongo.database));
    later.register(flowsConsumer());
    later.recover();
    assertThat(node.onlyTask(BOB).recordId()).isEqualTo(r.id());
  }

  static dev.tangram.engine.events.EventConsumer flowsConsumer() {
    return new dev.tangram.engine.events.EventConsumer() {
      @Override
      public String name() {
        return "flows";
      }

      @Override
      public void accept(dev.tangram.engine.events.Event event) {
        node.flows.instances().ensureStarted(event.app(), event.form(), event.recordId(), true);
      }
    };
  }

  static void expectFailure(Runnable r, Class<? extends TangramException> type) {
    assertThatThrownBy(r::run).isInstanceOf(type);
  }
}
