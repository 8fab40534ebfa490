/** REST API of flows: a form's flow, sending records into it, task actions and the inbox lists. */
@NullMarked
package dev.tangram.runtime.api.flows;

import org.jspecify.annotations.NullMarked;
