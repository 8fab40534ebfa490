package dev.tangram.engine.flows.internal;

import java.util.Set;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.engine.impl.history.DefaultHistoryConfigurationSettings;
import org.flowable.variable.service.impl.persistence.entity.VariableInstanceEntity;

/**
 * Flowable's history settings, except that the variables only the engine's own machinery reads —
 * multi-instance loop counters, the approver lists and vote counts of approve nodes, the route
 * booleans of branches — get no history row. Each would otherwise cost an insert, updates and a
 * row kept forever that no query reads; the timeline is written as comments, and the variables
 * queries read (app, form, record, initiator) keep their history.
 */
public final class TechnicalVariablesWithoutHistory extends DefaultHistoryConfigurationSettings {

  private static final Set<String> LOOP_VARIABLES = Set.of("nrOfInstances", "nrOfCompletedInstances", "nrOfActiveInstances", "loopCounter",
      BpmnElements.VAR_SKIP_ENABLED);
  private static final Set<String> KEPT = Set.of(BpmnElements.VAR_APP, BpmnElements.VAR_FORM, BpmnElements.VAR_RECORD,
      BpmnElements.VAR_INITIATOR);

  public TechnicalVariablesWithoutHistory(ProcessEngineConfigurationImpl configuration) {
    super(configuration);
  }

  @Override
  public boolean isHistoryEnabledForVariableInstance(String processDefinitionId, VariableInstanceEntity variable) {
    return !isTechnical(variable.getName()) && super.isHistoryEnabledForVariableInstance(processDefinitionId, variable);
  }

  static boolean isTechnical(String name) {
    return LOOP_VARIABLES.contains(name) || (name.startsWith("tg_") && !KEPT.contains(name));
  }
}
