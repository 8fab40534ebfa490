package dev.tangram.engine.flows;

import dev.tangram.engine.plugins.PluginAction;
import dev.tangram.engine.plugins.TangramPlugin;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A plugin whose action {@code post} remembers the records a flow's action node handed it. */
public class EchoPlugin implements TangramPlugin {

  static final List<Object> POSTED = new CopyOnWriteArrayList<>();

  @Override
  public String id() {
    return "echo";
  }

  @Override
  public String version() {
    return "1.0.0";
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public List<PluginAction<?, ?>> actions() {
    return List.of(new PluginAction<Map, Map>("post", "Remembers its input", Map.class, Map.class, (input, context) -> {
      POSTED.add(input.get("title"));
      return Map.of("posted", true, "input", input); // quotes the record, as real plugins may
    }));
  }
}
