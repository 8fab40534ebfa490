package dev.tangram.engine.flows;

import dev.tangram.engine.access.Actor;
import dev.tangram.engine.access.Operation;
import dev.tangram.engine.common.ConflictException;
import dev.tangram.engine.common.ExpiringCache;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.ForbiddenException;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.common.NotFoundException;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.flows.internal.BpmnCompiler;
import dev.tangram.engine.flows.internal.BpmnElements;
import dev.tangram.engine.flows.internal.BpmnUploadChecker;
import dev.tangram.engine.flows.internal.FlowModelReader;
import dev.tangram.engine.flows.internal.FlowNode;
import dev.tangram.engine.forms.FormDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.validation.ProcessValidatorFactory;
import org.flowable.validation.ValidationError;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Saves a form's flow: checks it completely (every problem listed), compiles it to BPMN and
 * deploys it as a new Flowable process definition version. New instances start on the newest
 * version; running ones finish on the version they started with.
 */
public final class FlowDefinitions {

  private static final String SOURCE_JSON = "flow.json";
  private static final String SOURCE_XML = "source.xml";
  private static final String SETTINGS = "settings.json";

  private final FlowDependencies deps;
  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final ExpiringCache<Boolean> hasFlow;
  private final Map<String, String> withdrawModes = new ConcurrentHashMap<>();

  FlowDefinitions(FlowDependencies deps, RepositoryService repository, RuntimeService runtime) {
    this.deps = deps;
    this.repository = repository;
    this.runtime = runtime;
    this.hasFlow = new ExpiringCache<>(Duration.ofSeconds(2),
        key -> repository.createProcessDefinitionQuery().processDefinitionKey(key).count() > 0, found -> true);
  }

  /**
   * Checks and deploys {@code source}: flow JSON, or BPMN XML when it starts with {@code <}. Only the
   * app's admins and holders of MANAGE on the form may.
   *
   * @throws ValidationException with every problem found; nothing is deployed then
   */
  public DeployedFlow deploy(String app, String form, String source, Actor actor) {
    if (!deps.access().forForm(actor, app, form).can(Operation.MANAGE)) {
      throw new ForbiddenException(actor.username() + " may not change the flow of form '" + form + "'");
    }
    String key = BpmnElements.processKey(app, form);
    Compiled compiled = compile(key, formDefinition(app, form), source, Set.of());
    if (!compiled.problems().isEmpty() || compiled.model() == null) {
      throw new ValidationException(compiled.problems());
    }
    repository.createDeployment().name(app + "/" + form).key(key).category("tangram")
        .addBpmnModel(key + ".bpmn20.xml", compiled.model())
        .addString(compiled.xml() ? SOURCE_XML : SOURCE_JSON, source)
        .addString(SETTINGS, Json.MAPPER.writeValueAsString(Map.of("withdraw", compiled.withdraw(), "deployedBy", actor.username())))
        .deploy();
    hasFlow.invalidate(key);
    return find(app, form).orElseThrow();
  }

  /**
   * Checks flow JSON against a form definition that need not be saved yet, exactly as {@link #deploy}
   * would, and deploys nothing: a template install checks every flow before it creates anything.
   *
   * @param plannedRoles roles that count as existing although the directory does not have them yet
   * @return every problem found; empty when the flow would deploy
   */
  public List<FieldError> check(String app, FormDefinition form, String source, Set<String> plannedRoles) {
    return compile(BpmnElements.processKey(app, form.key()), form, source, plannedRoles).problems();
  }

  /**
   * Removes every deployed version of the form's flow with its history (a template uninstalled
   * with purge). Refused while an instance of it still runs: that record would be left without
   * its approval.
   */
  public void remove(String app, String form) {
    String key = BpmnElements.processKey(app, form);
    long running = runtime.createProcessInstanceQuery().processDefinitionKey(key).count();
    if (running > 0) {
      throw new ConflictException("flow", "running",
          "The flow of form '" + form + "' still has " + running + " record(s) in approval");
    }
    repository.createDeploymentQuery().deploymentKey(key).list().forEach(d -> repository.deleteDeployment(d.getId(), true));
    hasFlow.invalidate(key);
  }

  private record Compiled(@Nullable BpmnModel model, boolean xml, String withdraw, List<FieldError> problems) {}

  private Compiled compile(String key, FormDefinition definition, String source, Set<String> plannedRoles) {
    boolean xml = source.stripLeading().startsWith("<");
    List<FieldError> problems = new ArrayList<>();
    BpmnModel model;
    String withdraw = "beforeApproval";
    if (xml) {
      BpmnUploadChecker checker = new BpmnUploadChecker(deps.directory(), deps.sandbox(), definition);
      model = checker.check(source, key);
      problems.addAll(checker.problems());
    } else {
      FlowModelReader reader = new FlowModelReader(deps.directory(), deps.sandbox(), deps.plugins(), definition, plannedRoles);
      FlowNode.Flow flow = reader.read(parse(source));
      problems.addAll(reader.problems());
      model = flow == null ? null : BpmnCompiler.compile(key, definition.name(), flow);
      withdraw = flow == null ? withdraw : flow.withdraw();
    }
    if (model != null && problems.isEmpty()) {
      for (ValidationError e : new ProcessValidatorFactory().createDefaultProcessValidator().validate(model)) {
        if (!e.isWarning()) {
          problems.add(new FieldError("bpmn." + e.getActivityId(), "bpmn", e.getDefaultDescription()));
        }
      }
    }
    return new Compiled(model, xml, withdraw, problems);
  }

  /** The newest deployed flow of a form. */
  public Optional<DeployedFlow> find(String app, String form) {
    ProcessDefinition definition = repository.createProcessDefinitionQuery()
        .processDefinitionKey(BpmnElements.processKey(app, form)).latestVersion().singleResult();
    if (definition == null) {
      return Optional.empty();
    }
    List<String> names = repository.getDeploymentResourceNames(definition.getDeploymentId());
    boolean json = names.contains(SOURCE_JSON);
    String source = resource(definition.getDeploymentId(), json ? SOURCE_JSON : SOURCE_XML);
    String bpmn = new String(new BpmnXMLConverter().convertToXML(repository.getBpmnModel(definition.getId())), StandardCharsets.UTF_8);
    return Optional.of(new DeployedFlow(app, form, definition.getVersion(), json ? "json" : "bpmn", source, bpmn,
        withdrawMode(definition.getDeploymentId())));
  }

  public DeployedFlow get(String app, String form) {
    return find(app, form).orElseThrow(() -> new NotFoundException("form", "Form '" + form + "' has no flow"));
  }

  /** Whether records of the form go through a flow; answered from a short cache (hot path of every submit). */
  public boolean hasFlow(String app, String form) {
    return hasFlow.get(BpmnElements.processKey(app, form));
  }

  /** never | beforeApproval | anyNode, as saved with the deployment. */
  String withdrawMode(String deploymentId) {
    return withdrawModes.computeIfAbsent(deploymentId,
        id -> Json.MAPPER.readTree(resource(id, SETTINGS)).path("withdraw").asString("beforeApproval"));
  }

  private FormDefinition formDefinition(String app, String form) {
    try {
      return deps.forms().getLatestPublished(app, form).definition();
    } catch (NotFoundException e) {
      return deps.forms().getDraft(app, form);
    }
  }

  private static JsonNode parse(String source) {
    try {
      return Json.MAPPER.readTree(source);
    } catch (RuntimeException e) {
      throw ValidationException.of("body", "json", "The flow is neither BPMN XML nor valid JSON: " + e.getMessage());
    }
  }

  private String resource(String deploymentId, String name) {
    try (InputStream in = repository.getResourceAsStream(deploymentId, name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
