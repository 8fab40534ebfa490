package dev.tangram.engine.events;

/**
 * Reacts to events. Registered once with {@link EventOutbox#register}; from then on every new event
 * is handed to it at least once: right after the write that produced it, and again by the relay
 * after a crash or a failure. It must therefore be idempotent (use {@link Event#id()}).
 */
public interface EventConsumer {

  /** Stable name, stored with each pending event; [a-z][a-z0-9-]*. */
  String name();

  /**
   * Handles one event. Returning marks it done for this consumer; throwing leaves it pending and
   * the relay calls again later. Events of one record usually arrive in version order, but a retry
   * may arrive after a later event of the same record.
   */
  void accept(Event event);

  /**
   * Thrown by a consumer that takes the event later on its own (e.g. queued behind the work in
   * progress on this thread): the event stays pending, so a crash before that loses nothing.
   */
  final class Deferred extends RuntimeException {
    public Deferred() {
      super("deferred", null, false, false);
    }
  }
}
