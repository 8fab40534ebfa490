package dev.tangram.plugins.ledger;

import dev.tangram.engine.plugins.PluginAction;
import dev.tangram.engine.plugins.TangramPlugin;
import dev.tangram.plugins.ledger.internal.LedgerSimulation;
import java.util.List;

/**
 * The general-ledger plugin. Action {@code simulate} posts a list of business documents and actions
 * into fresh in-memory books and returns the vouchers, balances, trial balance, stock and the
 * refused events with their codes. Refusals of single events are part of the result; a refused
 * set-up (chart, openings) throws {@link LedgerRefusedException}.
 */
public final class LedgerPlugin implements TangramPlugin {

  @Override
  public String id() {
    return "ledger";
  }

  @Override
  public String version() {
    return "0.1.0";
  }

  @Override
  public List<PluginAction<?, ?>> actions() {
    return List.of(new PluginAction<>("simulate",
        "Post business documents into in-memory books; return vouchers, balances, stock and rejections",
        SimulationInput.class, SimulationResult.class, (input, context) -> simulate(input)));
  }

  /** The {@code simulate} action, callable directly. */
  public SimulationResult simulate(SimulationInput input) {
    return LedgerSimulation.run(input);
  }
}
