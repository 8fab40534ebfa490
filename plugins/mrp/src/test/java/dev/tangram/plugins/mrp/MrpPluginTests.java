package dev.tangram.plugins.mrp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tangram.engine.plugins.PluginAction;
import dev.tangram.engine.plugins.PluginContext;
import dev.tangram.engine.plugins.TangramPlugin;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class MrpPluginTests {

  @Test
  void serviceLoaderFindsTheMrpPluginWithItsPlanAction() {
    TangramPlugin plugin = ServiceLoader.load(TangramPlugin.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(p -> p.id().equals("mrp"))
        .findFirst()
        .orElseThrow();

    assertThat(plugin.version()).isEqualTo("0.2.0");
    assertThat(plugin.actions()).extracting(a -> a.name()).containsExactly("plan", "run", "confirm");
    assertThat(plugin.actions()).first().satisfies(action -> {
      assertThat(action.name()).isEqualTo("plan");
      assertThat(action.inputType()).isEqualTo(PlanningInput.class);
      assertThat(action.outputType()).isEqualTo(PlanningResult.class);
    });
  }

  @Test
  @SuppressWarnings("unchecked")
  void planActionBindsJsonAndReturnsThePlan() {
    PluginAction<PlanningInput, PlanningResult> plan =
        (PluginAction<PlanningInput, PlanningResult>) new MrpPlugin().actions().getFirst();
    PlanningInput input = SharedCases.MAPPER.readValue("""
        {"calendar": {"bucket": "week", "periods": 3, "period1Start": "2025-01-06"},
         "items": [{"code": "P", "type": "buy", "leadTime": 1, "onHand": 5}],
         "independentDemand": [{"item": "P", "period": 3, "qty": 12}]}
        """, PlanningInput.class);

    PlanningResult result = plan.handler().handle(input, new PluginContext("factory", "planner"));

    assertThat(result.plannedOrders()).singleElement().satisfies(order -> {
      assertThat(order.orderQty()).isEqualByComparingTo("7");
      assertThat(order.releasePeriod()).isEqualTo(2);
      assertThat(order.type()).isEqualTo(PlannedOrderType.PURCHASE);
    });
  }
}
