/**
 * The embedded default store: mongo-java-server with its H2 MVStore backend, tuned where the
 * backend as shipped costs more than it needs to (see {@link dev.tangram.engine.store.EmbeddedH2Backend}).
 */
@NullMarked
package dev.tangram.engine.store;

import org.jspecify.annotations.NullMarked;
