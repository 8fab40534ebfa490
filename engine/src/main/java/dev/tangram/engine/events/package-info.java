/**
 * Events: what happened to records (and later flows and tasks), kept so that nothing committed is
 * lost. A record write carries its event inside the record document (one atomic write); the
 * {@link dev.tangram.engine.events.EventOutbox} relays it to the {@code _events} collection and hands
 * it to every registered {@link dev.tangram.engine.events.EventConsumer} — history, triggers,
 * flows, webhooks — at least once, in registration order.
 */
@NullMarked
package dev.tangram.engine.events;

import org.jspecify.annotations.NullMarked;
