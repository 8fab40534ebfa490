package dev.tangram.engine.flows;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An approval task as users see it in their lists.
 *
 * @param node     the node id of the flow (the BPMN activity id)
 * @param owner    set while the task is delegated or add-signed before: who gets it back
 * @param endedAt  null while open
 */
public record FlowTask(String id, String name, String node, String app, String form, String recordId,
    @Nullable String assignee, @Nullable String owner, String initiator, Instant createdAt, @Nullable Instant endedAt,
    @Nullable String outcome) {}
