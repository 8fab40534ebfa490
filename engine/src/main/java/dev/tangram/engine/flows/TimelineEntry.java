package dev.tangram.engine.flows;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One step of a record's flow history: who did what, when, at which node, with their comment.
 *
 * @param action submitted | approve | reject | return | transfer | delegate | addSign | urge | comment | withdraw |
 *               cc | autoApproved | skipped | toAdmin | reminder | timeoutApproved | timeoutRejected | action | completed
 * @param details anything the action adds, e.g. {@code to} of a transfer or the {@code outcome} of completion
 */
public record TimelineEntry(Instant at, String action, String actor, @Nullable String node, @Nullable String comment,
    String processInstanceId, Map<String, Object> details) {}
