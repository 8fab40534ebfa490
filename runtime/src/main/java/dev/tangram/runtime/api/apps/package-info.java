/** REST endpoints for apps. */
@NullMarked
package dev.tangram.runtime.api.apps;

import org.jspecify.annotations.NullMarked;
