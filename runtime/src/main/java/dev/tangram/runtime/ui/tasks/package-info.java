/**
 * Approvals in the browser: the task inbox (to-do, done, started by me, copied to me) with counts,
 * the task page (the form under the node's field permissions, the flow timeline, the actions the
 * engine allows), the flow timeline and "submit for approval" / "withdraw" of the record pages.
 */
@NullMarked
package dev.tangram.runtime.ui.tasks;

import org.jspecify.annotations.NullMarked;
