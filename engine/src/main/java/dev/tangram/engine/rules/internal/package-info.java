/** Implementation of the rules sandbox and formulas: GraalJS contexts, pooling, watchdog, value conversion. */
@NullMarked
package dev.tangram.engine.rules.internal;

import org.jspecify.annotations.NullMarked;
