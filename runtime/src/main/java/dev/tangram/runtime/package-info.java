/** The runtime: the only executable, wiring the engine into Spring Boot. */
@NullMarked
package dev.tangram.runtime;

import org.jspecify.annotations.NullMarked;
