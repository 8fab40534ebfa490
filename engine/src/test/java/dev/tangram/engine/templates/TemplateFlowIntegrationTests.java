package dev.tangram.engine.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.tangram.engine.access.AccessSettings;
import dev.tangram.engine.access.Actor;
import dev.tangram.engine.access.Grant;
import dev.tangram.engine.access.Operation;
import dev.tangram.engine.access.Role;
import dev.tangram.engine.access.RowScope;
import dev.tangram.engine.common.ConflictException;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.flows.DeployedFlow;
import dev.tangram.engine.flows.FlowTestNode;
import dev.tangram.engine.flows.TaskRequest;
import dev.tangram.engine.records.Record;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * Template flows on a real Flowable engine (H2 in memory): deployed by the install, once, with
 * the parameters in their branch conditions; redeployed when a parameter changes; merged with the
 * customer's own flow changes on upgrade; refused before anything is installed when the flows
 * feature would refuse them; roles created; uninstall with flows in approval refused.
 */
class TemplateFlowIntegrationTests {

  static final Actor ADMIN = Actor.user("admin", Set.of("ADMIN"), List.of());

  FlowTestNode node;
  TemplateService templates;
  @TempDir
  Path market;

  @BeforeEach
  void setUp() throws IOException {
    node = new FlowTestNode("h2");
    node.app = "shop";
    copy(TemplateTesting.resources("market"), market);
    templates = service();
  }

  @AfterEach
  void tearDown() {
    node.close();
  }

  TemplateService service() {
    TemplateCatalog catalog = new TemplateCatalog(getClass().getClassLoader(), List.of(market), node.mongo.database,
        TemplateTesting.checker(node.mongo), Clock.systemDefaultZone());
    return new TemplateService(catalog, node.mongo.apps, node.mongo.forms, node.mongo.records, node.mongo.database,
        Clock.systemDefaultZone(), node.flows.definitions(), node.mongo.directory);
  }

  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }

  void install(String params) {
    templates.install("shop", "1.0.0", Json.MAPPER.readTree(params), "en", false, "admin", InstallObserver.NONE);
    node.mongo.accessSettings.setGrants("shop", "order", List.of(new Grant("everyone",
        Set.of(Operation.SUBMIT, Operation.VIEW, Operation.EDIT), RowScope.ALL, null)));
    node.mongo.accessSettings.setAppRoles("shop", new AccessSettings.AppRoles(List.of("user:admin"), List.of("everyone")));
  }

  Record order(Actor actor, int total) {
    String bolt = node.mongo.records.query("shop", "product", new dev.tangram.engine.records.RecordQuery(List.of(), List.of(), 0, 10), ADMIN)
        .items().stream().filter(r -> r.data().get("code").asString().equals("BOLT")).findFirst().orElseThrow().id();
    return node.mongo.records.submit("shop", "order", Json.MAPPER.readTree("{\"data\":{\"customer\":\"Globex\",\"lines\":[{\"product\":\""
        + bolt + "\",\"qty\":1,\"price\":" + total + "}]}}"), actor);
  }

  void approve(Actor actor) {
    node.flows.tasks().act(node.onlyTask(actor).id(), "approve", TaskRequest.comment("ok"), actor);
  }

  String status(String id) {
    return node.mongo.records.getUnconstrained("shop", "order", id).status();
  }

  @Test
  void installDeploysEachFlowWithTheParametersInItsConditionsAndRecordsRunThroughIt() {
    install("{\"approvalLimit\": 8000}");

    DeployedFlow flow = node.flows.definitions().get("shop", "order");
    assertThat(flow.version()).isEqualTo(1);
    assertThat(flow.source()).contains("total > 8000");
    assertThat(templates.flows("shop").get("order").toString()).contains("total > 8000");

    Record small = order(FlowTestNode.ALICE, 7000);
    Record large = order(FlowTestNode.ALICE, 9000);
    assertThat(status(small.id())).isEqualTo("in_approval");
    node.flows.tasks().act(node.todo(FlowTestNode.BOB).stream().filter(t -> t.recordId().equals(small.id())).findFirst().orElseThrow().id(),
        "approve", TaskRequest.comment("ok"), FlowTestNode.BOB);
    assertThat(status(small.id())).isEqualTo("approved"); // 7,000 is not above 8,000: no GM
    approve(FlowTestNode.BOB);
    assertThat(status(large.id())).isEqualTo("in_approval");
    approve(FlowTestNode.DAVE); // the gm
    assertThat(status(large.id())).isEqualTo("approved");
  }

  @Test
  void installCreatesTheRolesTheTemplateDeclaresAndTheResultSaysFlowsAreDeployed() {
    assertThat(node.mongo.directory.roles()).extracting(Role::key).doesNotContain("auditor");

    InstallResult result = templates.install("shop", "1.0.0", null, "zh-CN", false, "admin", InstallObserver.NONE);

    assertThat(result.flowsDeployed()).isTrue();
    assertThat(result.created()).containsEntry("roles", 2);
    assertThat(node.mongo.directory.roles()).filteredOn(r -> r.key().equals("auditor")).singleElement()
        .extracting(Role::name).isEqualTo("审计");
    assertThat(node.mongo.directory.roles()).filteredOn(r -> r.key().equals("gm")).singleElement()
        .extracting(Role::name).isEqualTo("General manager"); // existed: left as it was
  }

  @Test
  void anInstallStoppedRightAfterDeployingAFlowDeploysItOnlyOnceWhenResumed() {
    assertThatThrownBy(() -> templates.install("shop", "1.0.0", null, "en", false, "admin", (app, step, done, total) -> {
      if (step.equals("flow:order")) {
        throw new IllegalStateException("power cut");
      }
    })).hasMessage("power cut");
    // as if the engine had stopped after Flowable's deployment but before the journal noted the step
    node.mongo.database.getCollection("_template_installs").updateOne(Filters.eq("_id", "shop"), Updates.pull("doneSteps", "flow:order"));

    TemplateService restarted = service();
    restarted.recoverInterrupted();

    assertThat(restarted.progress("shop").orElseThrow().state()).isEqualTo("installed");
    assertThat(node.flows.definitions().get("shop", "order").version()).isEqualTo(1);
  }

  @Test
  void aFlowTheFlowsFeatureWouldRefuseStopsTheInstallBeforeAnythingIsCreated() throws IOException {
    Path flow = market.resolve("shop-1.0.0/flows/order.json");
    Files.writeString(flow, Files.readString(flow).replace("\"kind\": \"deptHead\",", "\"kind\": \"user\", \"users\": [\"nobody\"],"));
    Path manifest = market.resolve("shop-1.0.0/template.json");
    Files.writeString(manifest, Files.readString(manifest).replace("\"auditor\"", "\"auditor2\""));

    assertThatThrownBy(() -> templates.install("shop", "1.0.0", null, "en", false, "admin", InstallObserver.NONE))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::field, FieldError::code)
            .contains(org.assertj.core.groups.Tuple.tuple("flows/order.json#nodes[0].assignee.users", "unknownUser")));

    assertThat(node.mongo.apps.find("shop")).isEmpty();
    assertThat(node.mongo.forms.formKeys("shop")).isEmpty();
    assertThat(node.flows.definitions().find("shop", "order")).isEmpty();
    assertThat(node.mongo.directory.roles()).extracting(Role::key).doesNotContain("auditor2");
    assertThat(templates.progress("shop")).isEmpty();
  }

  @Test
  void changingAParameterRedeploysTheFlowsThatUseIt() {
    install("{\"approvalLimit\": 8000}");

    UpgradeResult result = templates.changeParameters("shop", Json.MAPPER.readTree("{\"approvalLimit\": 2000}"), Map.of(), false, "admin");

    assertThat(result.status()).isEqualTo("upgraded");
    DeployedFlow flow = node.flows.definitions().get("shop", "order");
    assertThat(flow.version()).isEqualTo(2);
    assertThat(flow.source()).contains("total > 2000");
    Record order = order(FlowTestNode.ALICE, 3000);
    approve(FlowTestNode.BOB);
    assertThat(status(order.id())).isEqualTo("in_approval"); // 3,000 is now above the limit: the GM approves
    approve(FlowTestNode.DAVE);
    assertThat(status(order.id())).isEqualTo("approved");
  }

  @Test
  void anUpgradeMergesTheCustomersFlowChangeWithTheNewVersionAndDeploysTheResult() {
    install("{}");
    ObjectNode mine = (ObjectNode) Json.MAPPER.readTree(node.flows.definitions().get("shop", "order").source());
    ((ObjectNode) mine.get("nodes").get(0)).put("name", "Team lead");
    ((tools.jackson.databind.node.ArrayNode) mine.get("nodes")).addObject().put("id", "audit").put("type", "cc")
        .set("to", Json.MAPPER.readTree("{\"kind\":\"role\",\"role\":\"auditor\"}"));
    node.flows.definitions().deploy("shop", "order", mine.toString(), ADMIN);

    UpgradeResult result = templates.upgrade("shop", "1.1.0", null, Map.of(), false, "admin", InstallObserver.NONE);

    assertThat(result.status()).isEqualTo("upgraded");
    DeployedFlow flow = node.flows.definitions().get("shop", "order");
    assertThat(flow.version()).isEqualTo(3);
    var merged = Json.MAPPER.readTree(flow.source());
    assertThat(merged.get("nodes").get(0).get("name").asString()).isEqualTo("Team lead");          // the customer's
    assertThat(merged.get("nodes").get(0).get("fields").has("remark")).isTrue();                   // 1.1.0's
    assertThat(merged.get("nodes").get(0).get("fields").has("note")).isFalse();
    assertThat(merged.toString()).contains("\"audit\"");                                           // the customer's node
  }

  @Test
  void aFlowChangedOnBothSidesIsAConflictAndNothingIsDeployedUntilDecided() {
    install("{}");
    ObjectNode mine = (ObjectNode) Json.MAPPER.readTree(node.flows.definitions().get("shop", "order").source());
    ((ObjectNode) mine.get("nodes").get(0).get("fields")).put("note", "hidden"); // 1.1.0 drops note for remark
    node.flows.definitions().deploy("shop", "order", mine.toString(), ADMIN);

    UpgradeResult refused = templates.upgrade("shop", "1.1.0", null, Map.of(), false, "admin", InstallObserver.NONE);

    assertThat(refused.status()).isEqualTo("conflicts");
    assertThat(refused.conflicts()).extracting(UpgradeResult.Conflict::path).containsExactly("flows/order.json.nodes.mgr.fields.note");
    assertThat(node.flows.definitions().get("shop", "order").version()).isEqualTo(2);

    UpgradeResult decided = templates.upgrade("shop", "1.1.0", null, Map.of("flows/order.json.nodes.mgr.fields.note", "theirs"),
        false, "admin", InstallObserver.NONE);

    assertThat(decided.status()).isEqualTo("upgraded");
    assertThat(node.flows.definitions().get("shop", "order").source()).contains("remark").doesNotContain("note");
  }

  @Test
  void uninstallIsRefusedWhileRecordsAreInApprovalAndPurgeRemovesTheFlows() {
    install("{}");
    Record order = order(FlowTestNode.ALICE, 100);

    assertThatThrownBy(() -> templates.uninstall("shop", true, false, "admin"))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.getMessage()).contains("order: 1"));
    assertThat(node.flows.definitions().find("shop", "order")).isPresent();

    approve(FlowTestNode.BOB);
    assertThat(status(order.id())).isEqualTo("approved");
    templates.uninstall("shop", false, false, "admin");
    assertThat(node.flows.definitions().find("shop", "order")).isPresent(); // kept with the data

    templates.install("shop", "1.0.0", null, "en", false, "admin", InstallObserver.NONE);
    assertThat(node.flows.definitions().get("shop", "order").version()).isEqualTo(1); // found again, not redeployed
    templates.uninstall("shop", true, false, "admin");
    assertThat(node.flows.definitions().find("shop", "order")).isEmpty();
  }
}
