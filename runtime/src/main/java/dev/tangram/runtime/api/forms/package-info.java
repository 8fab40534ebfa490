/** REST endpoints for forms. */
@NullMarked
package dev.tangram.runtime.api.forms;

import org.jspecify.annotations.NullMarked;
