/** Spring wiring: the embedded defaults, the engine services, JSON and health. */
@NullMarked
package dev.tangram.runtime.config;

import org.jspecify.annotations.NullMarked;
