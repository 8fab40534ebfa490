/** REST endpoints for plugins: the list and action calls. */
@NullMarked
package dev.tangram.runtime.api.plugins;

import org.jspecify.annotations.NullMarked;
