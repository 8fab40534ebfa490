/** How records are prepared, stored, indexed, numbered and queried. */
@NullMarked
package dev.tangram.engine.records.internal;

import org.jspecify.annotations.NullMarked;
