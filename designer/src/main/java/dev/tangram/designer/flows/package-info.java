/**
 * The flow designer: the DingTalk-style vertical flow of a form with "+" between nodes (approver,
 * CC, branch with conditions, plugin action), a node panel (approver kind, mode, field permissions
 * as a matrix, timeout), the condition check as you type, publish through the engine's
 * {@code FlowDefinitions} with every problem listed, BPMN import and export.
 */
@NullMarked
package dev.tangram.designer.flows;

import org.jspecify.annotations.NullMarked;
