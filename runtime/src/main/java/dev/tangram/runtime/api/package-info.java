/** REST API v1 (DESIGN §7). */
@NullMarked
package dev.tangram.runtime.api;

import org.jspecify.annotations.NullMarked;
