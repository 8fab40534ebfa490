package dev.tangram.engine.flows;

import java.util.List;

/**
 * The BPMN of a record's latest flow instance and where it stands.
 *
 * @param activeNodes the BPMN activity ids that hold the instance now; empty once it ended
 * @param doneNodes   activity ids the instance has passed, in order
 */
public record FlowDiagram(String processInstanceId, String bpmnXml, List<String> activeNodes, List<String> doneNodes, boolean ended) {}
