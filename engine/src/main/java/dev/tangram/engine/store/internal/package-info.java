/** The H2 database and unique index of the embedded store, with keys ordered by value. */
@NullMarked
package dev.tangram.engine.store.internal;

import org.jspecify.annotations.NullMarked;
