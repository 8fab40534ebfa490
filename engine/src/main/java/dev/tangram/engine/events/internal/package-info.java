/** The outbox's storage and relay. */
@NullMarked
package dev.tangram.engine.events.internal;

import org.jspecify.annotations.NullMarked;
