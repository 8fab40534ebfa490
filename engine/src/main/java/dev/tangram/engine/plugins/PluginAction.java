package dev.tangram.engine.plugins;

import java.util.Objects;

/**
 * One named operation of a plugin with a typed input and output. The engine converts the caller's
 * JSON into {@code inputType} (unknown properties refused) before calling the handler and the
 * handler's result into JSON afterwards.
 *
 * @param name        unique within the plugin, {@code [a-zA-Z][a-zA-Z0-9]*}, e.g. {@code "plan"}
 * @param description one line for {@code GET /api/v1/plugins}
 * @param inputType   the record class the JSON input is bound to
 * @param outputType  the class of what the handler returns
 * @param handler     the code that runs
 */
public record PluginAction<I, O>(
    String name, String description, Class<I> inputType, Class<O> outputType, Handler<I, O> handler) {

  public PluginAction {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(inputType, "inputType");
    Objects.requireNonNull(outputType, "outputType");
    Objects.requireNonNull(handler, "handler");
  }

  /** The body of an action. */
  @FunctionalInterface
  public interface Handler<I, O> {
    /**
     * Runs the action. Called on the caller's thread; must be safe to call concurrently.
     *
     * @throws PluginActionException when the input is refused by the business rules; nothing
     *     may have been changed in that case
     */
    O handle(I input, PluginContext context);
  }
}
