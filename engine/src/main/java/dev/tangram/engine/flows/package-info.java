/**
 * Flows: the approval processes of forms (DESIGN §5), run by Flowable. A flow is written as the
 * DingTalk-style JSON tree or as plain BPMN 2.0 XML; both become one safe BPMN deployment per form
 * version. Records stay the source of truth: the process holds the record id and the initiator,
 * conditions are evaluated by the rules sandbox against the record, and the record's status follows
 * the process through the event outbox. Start with {@link dev.tangram.engine.flows.Flows}.
 */
@NullMarked
package dev.tangram.engine.flows;

import org.jspecify.annotations.NullMarked;
