package dev.tangram.engine.plugins;

import static dev.tangram.engine.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tangram.engine.common.NotFoundException;
import dev.tangram.engine.common.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PluginRegistryTests {

  private final PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());
  private final PluginContext context = new PluginContext("sales", "alice");

  @Test
  void pluginsOnTheClassPathAreDiscovered() {
    assertThat(registry.find("sample")).isPresent();
  }

  @Test
  void actionTakesJsonBoundToItsInputTypeAndReturnsJson() {
    assertThat(registry.call("sample", "quote", json("{'qty':100,'unitPrice':0.35}"), context).get("total").decimalValue())
        .isEqualByComparingTo("31.50");
  }

  @Test
  void inputOfTheWrongShapeIsAFieldError() {
    assertThatThrownBy(() -> registry.call("sample", "quote", json("{'qty':'many','unitPrice':1}"), context))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().getFirst().field()).isEqualTo("qty"));
    assertThatThrownBy(() -> registry.call("sample", "quote", json("{'qty':1,'unitPrice':1,'extra':true}"), context))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void businessRefusalCarriesItsCode() {
    assertThatThrownBy(() -> registry.call("sample", "quote", json("{'qty':-1,'unitPrice':1}"), context))
        .isInstanceOfSatisfying(PluginActionException.class, e -> assertThat(e.code()).isEqualTo("NEGATIVE_QUANTITY"));
  }

  @Test
  void unknownPluginOrActionIsNotFound() {
    assertThatThrownBy(() -> registry.call("nope", "quote", json("{}"), context)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> registry.call("sample", "nope", json("{}"), context)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void twoPluginsWithOneIdAreAStartUpError() {
    assertThatThrownBy(() -> new PluginRegistry(List.of(new SampleQuotePlugin(), new SampleQuotePlugin())))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("'sample'");
  }
}
