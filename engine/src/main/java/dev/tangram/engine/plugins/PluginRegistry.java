package dev.tangram.engine.plugins;

import dev.tangram.engine.common.Json;
import dev.tangram.engine.common.JsonBinding;
import dev.tangram.engine.common.NotFoundException;
import dev.tangram.engine.common.ValidationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The plugins known to this engine, ordered by {@link TangramPlugin#priority()}, and the one way to
 * call an action: JSON in, bound strictly to the action's input type, JSON out.
 */
public final class PluginRegistry {

  private final Map<String, TangramPlugin> plugins = new LinkedHashMap<>();
  private final Map<String, PluginAction<?, ?>> actions = new LinkedHashMap<>();

  /** @throws IllegalStateException on two plugins with one id or two actions with one name */
  public PluginRegistry(List<TangramPlugin> found) {
    List<TangramPlugin> ordered = new ArrayList<>(found);
    ordered.sort(Comparator.comparingInt(TangramPlugin::priority));
    for (TangramPlugin plugin : ordered) {
      if (plugins.putIfAbsent(plugin.id(), plugin) != null) {
        throw new IllegalStateException("Two plugins have the id '" + plugin.id() + "': "
            + plugins.get(plugin.id()).getClass().getName() + " and " + plugin.getClass().getName());
      }
      Set<String> names = new HashSet<>();
      for (PluginAction<?, ?> action : plugin.actions()) {
        if (!names.add(action.name())) {
          throw new IllegalStateException("Plugin '" + plugin.id() + "' has two actions named '" + action.name() + "'");
        }
        actions.put(plugin.id() + "/" + action.name(), action);
      }
    }
  }

  /** The plugins on the class path, found through {@link ServiceLoader}. */
  public static PluginRegistry discover(ClassLoader classLoader) {
    List<TangramPlugin> found = new ArrayList<>();
    ServiceLoader.load(TangramPlugin.class, classLoader).forEach(found::add);
    return new PluginRegistry(found);
  }

  public List<TangramPlugin> plugins() {
    return List.copyOf(plugins.values());
  }

  public Optional<TangramPlugin> find(String id) {
    return Optional.ofNullable(plugins.get(id));
  }

  /**
   * Calls {@code plugin.action} with {@code input}.
   *
   * @throws NotFoundException      for an unknown plugin or action
   * @throws ValidationException    when the input does not fit the action's input type
   * @throws PluginActionException  when the plugin refuses the input for a business reason
   */
  public JsonNode call(String plugin, String action, JsonNode input, PluginContext context) {
    if (!plugins.containsKey(plugin)) {
      throw new NotFoundException("plugin", "There is no plugin '" + plugin + "'");
    }
    PluginAction<?, ?> found = actions.get(plugin + "/" + action);
    if (found == null) {
      throw new NotFoundException("action", "Plugin '" + plugin + "' has no action '" + action + "'");
    }
    return invoke(found, input, context);
  }

  private static <I, O> JsonNode invoke(PluginAction<I, O> action, JsonNode input, PluginContext context) {
    I bound = JsonBinding.bind(input, action.inputType());
    return Json.MAPPER.valueToTree(action.handler().handle(bound, context));
  }
}
