package dev.tangram.engine.flows;

import dev.tangram.engine.events.Event;
import dev.tangram.engine.events.EventConsumer;
import dev.tangram.engine.events.EventTypes;
import dev.tangram.engine.flows.internal.ApproverResolver;
import dev.tangram.engine.flows.internal.FlowHooks;
import dev.tangram.engine.flows.internal.Flowables;
import dev.tangram.engine.flows.internal.StringListType;
import dev.tangram.engine.flows.internal.TechnicalVariablesWithoutHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.variable.api.types.VariableType;

/**
 * The flows feature, wired: call {@link #configure} on the process engine configuration before the
 * engine is built (safe BPMN parsing, and the hooks as the only objects expressions can reach),
 * then construct it on the built engine. It registers itself as the record service's lifecycle and
 * as the {@code flows} event consumer that starts and cancels instances.
 */
public final class Flows {

  private final FlowDefinitions definitions;
  private final FlowInstances instances;
  private final FlowTasks tasks;
  private final FlowQueries queries;
  private final FlowRepair repair;

  /**
   * Hardens a process engine configuration for Tangram: BPMN is parsed without DTDs or external
   * entities, and expressions in BPMN see the flow hooks and nothing else — never the
   * application's beans (Spring's default would expose them all). Approver lists are stored as
   * text, and the engine's technical variables keep no history (see the two classes).
   */
  public static void configure(ProcessEngineConfigurationImpl configuration, FlowDependencies deps) {
    configuration.setEnableSafeBpmnXml(true);
    configuration.setBeans(hooks(deps).beans());
    List<VariableType> types = new ArrayList<>(Objects.requireNonNullElse(configuration.getCustomPreVariableTypes(), List.of()));
    types.add(new StringListType());
    configuration.setCustomPreVariableTypes(types);
    configuration.setHistoryConfigurationSettings(new TechnicalVariablesWithoutHistory(configuration));
  }

  public Flows(ProcessEngine engine, FlowDependencies deps) {
    Flowables flowables = new Flowables(engine.getManagementService(), engine.getIdentityService());
    this.definitions = new FlowDefinitions(deps, engine.getRepositoryService(), engine.getRuntimeService());
    this.instances = new FlowInstances(deps, engine, definitions, flowables);
    this.queries = new FlowQueries(deps, engine);
    this.tasks = new FlowTasks(deps, engine, hooks(deps), flowables, queries);
    this.repair = new FlowRepair(deps, engine, instances);
    engine.getRuntimeService().addEventListener(new FlowEventBridge(deps, instances), FlowEventBridge.TYPES);
    deps.records().setLifecycle(instances);
    deps.outbox().register(consumer(instances));
  }

  private static FlowHooks hooks(FlowDependencies deps) {
    return new FlowHooks(deps.records(), deps.forms(), deps.sandbox(), deps.plugins(),
        new ApproverResolver(deps.directory(), deps.accessSettings()), deps.database(), deps.clock());
  }

  /** Starts the instance of a record that entered approval; ends the instance of a deleted record. */
  private static EventConsumer consumer(FlowInstances instances) {
    return new EventConsumer() {
      @Override
      public String name() {
        return "flows";
      }

      @Override
      public void accept(Event event) {
        if (event.recordId() == null || event.form() == null) {
          return;
        }
        switch (event.type()) {
          case EventTypes.RECORD_DELETED -> instances.cancel(event.recordId(), "deleted");
          case EventTypes.RECORD_CREATED, EventTypes.RECORD_UPDATED -> {
            if (FlowStatus.IN_APPROVAL.equals(event.status())) {
              instances.ensureStarted(event.app(), event.form(), event.recordId(), EventTypes.RECORD_UPDATED.equals(event.type()));
            }
          }
          default -> { }
        }
      }
    };
  }

  public FlowDefinitions definitions() {
    return definitions;
  }

  public FlowInstances instances() {
    return instances;
  }

  public FlowTasks tasks() {
    return tasks;
  }

  public FlowQueries queries() {
    return queries;
  }

  public FlowRepair repair() {
    return repair;
  }
}
