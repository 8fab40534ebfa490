package dev.tangram.runtime.ui.tasks;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of an inbox list, whichever list it comes from.
 *
 * @param node   the node's name (tasks and copies), null for "started by me"
 * @param who    the initiator (tasks, copies) or the current assignee
 * @param state  outcome of a done task or a started flow, null while open
 * @param target where a click goes: the task page or the record page
 */
record InboxRow(String key, String app, String form, String recordId, @Nullable String node, String who, Instant at,
    @Nullable String state, String target) {}
