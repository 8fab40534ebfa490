package dev.tangram.engine.flows;

import static dev.tangram.engine.flows.FlowTestNode.ALICE;
import static dev.tangram.engine.flows.FlowTestNode.BOB;
import static dev.tangram.engine.flows.FlowTestNode.DAVE;
import static dev.tangram.engine.testing.Fixtures.json;

import dev.tangram.engine.testing.EmbeddedMongo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.EndEvent;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.UserTask;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Submit + approve + approve of a two-step flow through Tangram's engine API (record submit into
 * MongoDB, the outbox event starting the instance, approver resolution by department head and role,
 * permission and assignee checks, timeline entries, flow events, the record's status change at the
 * end) against the same steps as bare Flowable calls (start a two-task process, complete both
 * tasks with fixed assignees), in one run on the same engine. Blocks alternate so drift hits both
 * sides; the figure is the ratio of the block medians. Run: {@code ./tangram mvn -B -pl engine test
 * -Pbench -Dtest=FlowBenchmark}.
 */
@Tag("bench")
class FlowBenchmark {

  static final int BLOCKS = Integer.getInteger("bench.blocks", 9);
  static final int PER_BLOCK = Integer.getInteger("bench.perBlock", 60);
  static final int WARMUP_BLOCKS = Integer.getInteger("bench.warmupBlocks", 5);
  /** The to-do list is read as the REST API reads it by default: a page of 20. */
  static final int TODO_PAGE = 20;

  @Test
  void embeddedDefaults() {
    run("h2file", EmbeddedMongo.onH2File(256)); // MongoDB as the app's embedded default
  }

  @Test
  void postgres() {
    run("postgres", new EmbeddedMongo());
  }

  private static void run(String database, EmbeddedMongo mongo) {
    try (FlowTestNode node = new FlowTestNode(database, mongo)) {
      node.expenseForm("bench");
      node.deploy("bench", FlowScenarios.TWO_STEP);
      node.app = "bench";
      node.engine.getRepositoryService().createDeployment().addBpmnModel("bare.bpmn20.xml", bare()).deploy();
      node.engine.getRepositoryService().createDeployment().addBpmnModel("shaped.bpmn20.xml", bare("shaped", true)).deploy();
      JsonNode body = json("{'data':{'title':'Taxi','amount':38.5}}");
      double[] tangram = new double[BLOCKS];
      double[] bare = new double[BLOCKS];
      // both sides run until the JIT has compiled their hot paths: Tangram's path is longer and warms later
      for (int warm = 0; warm < WARMUP_BLOCKS; warm++) {
        tangram(node, body);
        bare(node);
      }
      for (int b = 0; b < BLOCKS; b++) {
        tangram[b] = tangram(node, body);
        bare[b] = bare(node);
      }
      costs(node, body);
      double t = median(tangram);
      double f = median(bare);
      report(String.format("FlowBenchmark %-8s Tangram %.1f instances/s, bare Flowable %.1f instances/s, ratio %.2fx (blocks of %d, median of %d)",
          database, t, f, f / t, PER_BLOCK, BLOCKS));
    }
  }

  /**
   * Where one instance's time goes: milliseconds per step, MongoDB round trips and Flowable commands
   * (service calls; in brackets those with their own transaction) per instance, both sides.
   */
  private static void costs(FlowTestNode node, JsonNode body) {
    int n = Math.max(10, PER_BLOCK / 2);
    long[] nanos = new long[5];
    node.mongo.outbox.settle(); // the outbox stores events on its own thread: count all of this instance's, no earlier ones
    long mongo = node.mongo.commands.get();
    long mongoNanos = node.mongo.commandNanos.sum();
    Map<String, Long> byName = new TreeMap<>();
    node.mongo.commandsByName.forEach((k, v) -> byName.put(k, -v.sum()));
    long calls = node.flowableCommands.get(0);
    long transactions = node.flowableCommands.get(1);
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      node.mongo.records.submit("bench", "expense", body, ALICE);
      long t1 = System.nanoTime();
      String first = node.flows.queries().todo(BOB, 1, TODO_PAGE).items().getFirst().id();
      long t2 = System.nanoTime();
      node.flows.tasks().act(first, "approve", TaskRequest.comment(null), BOB);
      long t3 = System.nanoTime();
      String second = node.flows.queries().todo(DAVE, 1, TODO_PAGE).items().getFirst().id();
      long t4 = System.nanoTime();
      node.flows.tasks().act(second, "approve", TaskRequest.comment(null), DAVE);
      long t5 = System.nanoTime();
      nanos[0] += t1 - t0;
      nanos[1] += t2 - t1 + t4 - t3;
      nanos[2] += t3 - t2;
      nanos[4] += t5 - t4;
    }
    node.mongo.outbox.settle();
    report(String.format("FlowBenchmark costs Tangram per instance: submit %.1f ms, 2 to-do queries %.1f ms, approve 1 %.1f ms, approve 2 %.1f ms;"
        + " %.1f MongoDB round trips, %.1f Flowable service calls (%.1f transactions)",
        nanos[0] / 1e6 / n, nanos[1] / 1e6 / n, nanos[2] / 1e6 / n, nanos[4] / 1e6 / n, (node.mongo.commands.get() - mongo) / (double) n,
        (node.flowableCommands.get(0) - calls) / (double) n, (node.flowableCommands.get(1) - transactions) / (double) n));
    node.mongo.commandsByName.forEach((k, v) -> byName.merge(k, v.sum(), Long::sum));
    StringBuilder perCommand = new StringBuilder();
    byName.forEach((k, v) -> {
      if (v > 0) {
        perCommand.append(String.format(" %s %.1f;", k, v / (double) n));
      }
    });
    report(String.format("FlowBenchmark costs Tangram MongoDB waits %.1f ms per instance; round trips by command:%s",
        (node.mongo.commandNanos.sum() - mongoNanos) / 1e6 / n, perCommand));
    calls = node.flowableCommands.get(0);
    transactions = node.flowableCommands.get(1);
    long start = System.nanoTime();
    bareInstances(node, n);
    report(String.format("FlowBenchmark costs bare Flowable per instance: %.1f ms, %.1f Flowable service calls (%.1f transactions)",
        (System.nanoTime() - start) / 1e6 / n, (node.flowableCommands.get(0) - calls) / (double) n,
        (node.flowableCommands.get(1) - transactions) / (double) n));
    shapedInstances(node, WARMUP_BLOCKS * PER_BLOCK); // its own path, not warmed by the blocks
    start = System.nanoTime();
    shapedInstances(node, n);
    report(String.format("FlowBenchmark costs bare Flowable in Tangram's shape per instance: %.1f ms"
        + " (approve tasks assigned from approver lists, the start variables, one comment per step; no MongoDB, no checks, no events)",
        (System.nanoTime() - start) / 1e6 / n));
  }

  /**
   * What Flowable alone costs for the process Tangram deploys: splits the gap between the two sides
   * into Flowable work for Tangram's BPMN shape and Tangram's own work around it.
   */
  private static void shapedInstances(FlowTestNode node, int count) {
    RuntimeService runtime = node.engine.getRuntimeService();
    TaskService tasks = node.engine.getTaskService();
    for (int i = 0; i < count; i++) {
      String pid = runtime.createProcessInstanceBuilder().processDefinitionKey("shaped").businessKey("s" + i)
          .variables(Map.of("tg_app", "bench", "tg_form", "expense", "tg_record", "s" + i, "tg_initiator", "alice",
              "tg_approvers_a", List.of("bob"), "tg_approvers_b", List.of("dave")))
          .start().getId();
      tasks.addComment(null, pid, "tangram", "{\"action\":\"submitted\"}");
      for (String user : List.of("bob", "dave")) {
        String task = tasks.createTaskQuery().taskAssignee(user).processDefinitionKey("shaped").listPage(0, 1).getFirst().getId();
        tasks.addComment(task, pid, "tangram", "{\"action\":\"approve\"}");
        tasks.complete(task, user);
      }
    }
  }

  /** Instances per second through Tangram. */
  private static double tangram(FlowTestNode node, JsonNode body) {
    long start = System.nanoTime();
    for (int i = 0; i < PER_BLOCK; i++) {
      node.mongo.records.submit("bench", "expense", body, ALICE);
      node.flows.tasks().act(node.flows.queries().todo(BOB, 1, TODO_PAGE).items().getFirst().id(), "approve", TaskRequest.comment(null), BOB);
      node.flows.tasks().act(node.flows.queries().todo(DAVE, 1, TODO_PAGE).items().getFirst().id(), "approve", TaskRequest.comment(null), DAVE);
    }
    return PER_BLOCK / ((System.nanoTime() - start) / 1e9);
  }

  private static double bare(FlowTestNode node) {
    long start = System.nanoTime();
    bareInstances(node, PER_BLOCK);
    return PER_BLOCK / ((System.nanoTime() - start) / 1e9);
  }

  private static void bareInstances(FlowTestNode node, int count) {
    RuntimeService runtime = node.engine.getRuntimeService();
    TaskService tasks = node.engine.getTaskService();
    for (int i = 0; i < count; i++) {
      runtime.startProcessInstanceByKey("bare", "b" + i);
      tasks.complete(tasks.createTaskQuery().taskAssignee("bob").processDefinitionKey("bare").listPage(0, 1).getFirst().getId());
      tasks.complete(tasks.createTaskQuery().taskAssignee("dave").processDefinitionKey("bare").listPage(0, 1).getFirst().getId());
    }
  }

  private static BpmnModel bare() {
    return bare("bare", false);
  }

  /** Two user tasks in a row; {@code shaped}: each assigned from an approver list, as Tangram compiles "any" approve nodes. */
  private static BpmnModel bare(String id, boolean shaped) {
    Process p = new Process();
    p.setId(id);
    p.setExecutable(true);
    StartEvent s = new StartEvent();
    s.setId("s");
    UserTask a = new UserTask();
    a.setId("a");
    a.setAssignee("bob");
    UserTask b = new UserTask();
    b.setId("b");
    b.setAssignee("dave");
    if (shaped) {
      for (UserTask t : List.of(a, b)) {
        String approvers = "tg_approvers_" + t.getId();
        t.setAssignee("${" + approvers + ".size() == 1 ? " + approvers + "[0] : null}");
        t.setCandidateUsers(new ArrayList<>(List.of("${" + approvers + ".size() > 1 ? " + approvers + " : null}")));
        t.setSkipExpression("${empty " + approvers + "}");
      }
    }
    EndEvent e = new EndEvent();
    e.setId("e");
    p.addFlowElement(s);
    p.addFlowElement(a);
    p.addFlowElement(b);
    p.addFlowElement(e);
    p.addFlowElement(flow("f1", "s", "a"));
    p.addFlowElement(flow("f2", "a", "b"));
    p.addFlowElement(flow("f3", "b", "e"));
    BpmnModel model = new BpmnModel();
    model.addProcess(p);
    return model;
  }

  private static SequenceFlow flow(String id, String from, String to) {
    SequenceFlow f = new SequenceFlow(from, to);
    f.setId(id);
    return f;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static void report(String line) {
    System.out.println(line);
    try {
      Files.writeString(Path.of("target", "bench-results.txt"), line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
