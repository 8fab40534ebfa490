/** REST endpoints for auth. */
@NullMarked
package dev.tangram.runtime.api.auth;

import org.jspecify.annotations.NullMarked;
