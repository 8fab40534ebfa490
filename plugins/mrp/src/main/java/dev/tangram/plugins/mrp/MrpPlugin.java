package dev.tangram.plugins.mrp;

import dev.tangram.engine.plugins.PluginAction;
import dev.tangram.engine.plugins.TangramPlugin;
import dev.tangram.plugins.mrp.internal.PlanningRun;
import java.util.List;

/**
 * Material requirements planning for Tangram apps. Action {@code plan} takes a
 * {@link PlanningInput} and returns a {@link PlanningResult}: low-level codes, the time-phased record
 * of every item and the planned orders. It reads and writes nothing; refusals are
 * {@link MrpInputException}s. Found by {@link java.util.ServiceLoader}.
 */
public final class MrpPlugin implements TangramPlugin {

  /** The plugin id callers use: {@code POST /api/v1/apps/{app}/plugins/mrp/plan}. */
  public static final String ID = "mrp";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String version() {
    return "0.1.0";
  }

  @Override
  public List<PluginAction<?, ?>> actions() {
    return List.of(new PluginAction<>(
        "plan",
        "Plan material requirements: low-level codes, netting, lot sizing, lead-time offset",
        PlanningInput.class,
        PlanningResult.class,
        (input, context) -> PlanningRun.plan(input)));
  }
}
