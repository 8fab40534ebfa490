package dev.tangram.plugins.mrp;

import dev.tangram.engine.plugins.PluginAction;
import dev.tangram.engine.plugins.TangramPlugin;
import dev.tangram.plugins.mrp.internal.PlanningRun;
import dev.tangram.plugins.mrp.internal.run.MrpRunner;
import java.time.Clock;
import java.util.List;

/**
 * Material requirements planning for Tangram apps. Action {@code plan} takes a
 * {@link PlanningInput} and returns a {@link PlanningResult}: low-level codes, the time-phased record
 * of every item and the planned orders. It reads and writes nothing; refusals are
 * {@link MrpInputException}s. Action {@code run} builds that input from the inventory app's records
 * and writes the planned orders into an {@code mrp_run} record; {@code confirm} turns one into a
 * purchase requisition or work order. Found by {@link java.util.ServiceLoader}.
 */
public final class MrpPlugin implements TangramPlugin {

  /** The plugin id callers use: {@code POST /api/v1/apps/{app}/plugins/mrp/plan}. */
  public static final String ID = "mrp";

  private final MrpRunner runner;

  public MrpPlugin() {
    this(Clock.systemDefaultZone());
  }

  public MrpPlugin(Clock clock) {
    this.runner = new MrpRunner(clock);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String version() {
    return "0.2.0";
  }

  @Override
  public List<PluginAction<?, ?>> actions() {
    return List.of(
        new PluginAction<>(
            "plan",
            "Plan material requirements: low-level codes, netting, lot sizing, lead-time offset",
            PlanningInput.class,
            PlanningResult.class,
            (input, context) -> PlanningRun.plan(input)),
        new PluginAction<>(
            "run",
            "Plan from the inventory app's records; write planned orders and the run into an mrp_run record",
            RunInput.class,
            RunResult.class,
            (input, context) -> runner.run(context.requireRecords(), input)),
        new PluginAction<>(
            "confirm",
            "Turn a planned order of a run into a purchase requisition or a work order, once",
            ConfirmInput.class,
            ConfirmResult.class,
            (input, context) -> runner.confirm(context.requireRecords(), input)));
  }
}
