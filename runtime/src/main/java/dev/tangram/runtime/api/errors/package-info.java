/** The error format of DESIGN §7 and the mapping of the engine exceptions to HTTP. */
@NullMarked
package dev.tangram.runtime.api.errors;

import org.jspecify.annotations.NullMarked;
