package dev.tangram.engine.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tangram.engine.common.Json;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.forms.internal.FormDefinitions;
import dev.tangram.engine.rules.FormulaEngine;
import dev.tangram.engine.rules.SandboxLimits;
import dev.tangram.engine.rules.ScriptSandbox;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The live calculation the UI shows while a form is typed: same formulas and visibility as a write. */
class FormCalculatorTests {

  private static ScriptSandbox sandbox;
  private static FormCalculator calculator;
  private static final FormDefinition ORDER = FormDefinitions.parse(Json.MAPPER.readTree("""
      {"key": "order", "name": "Order", "fields": [
        {"key": "customer", "type": "text"},
        {"key": "lines", "type": "subform", "fields": [
          {"key": "qty", "type": "number"}, {"key": "price", "type": "money"},
          {"key": "sum", "type": "money", "formula": "qty * price"}]},
        {"key": "total", "type": "money", "formula": "SUM(lines.sum)"},
        {"key": "reason", "type": "text"}],
       "rules": [{"type": "visible", "field": "reason", "when": "total > 1000"},
                 {"type": "default", "field": "customer", "value": "'walk-in'"}]}"""), "order", Set.of(), false);

  @BeforeAll
  static void start() {
    sandbox = ScriptSandbox.create(SandboxLimits.defaults().withTimeout(java.time.Duration.ofSeconds(5)));
    calculator = new FormCalculator(new FormulaEngine(sandbox));
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void rowFormulasThenTotalsAreComputedAndVisibilityFollows() {
    FormCalculator.Result small = calculator.calculate(ORDER, data("""
        {"lines": [{"qty": 2, "price": 10.5}, {"qty": 1, "price": 3}]}"""));
    assertThat(small.result().at("/lines/0/sum").decimalValue()).isEqualByComparingTo("21.00");
    assertThat(small.result().get("total").decimalValue()).isEqualByComparingTo("24.00");
    assertThat(small.hidden()).containsExactly("reason");
    assertThat(small.problem()).isNull();

    FormCalculator.Result big = calculator.calculate(ORDER, data("""
        {"lines": [{"qty": 200, "price": 10}]}"""));
    assertThat(big.result().get("total").decimalValue()).isEqualByComparingTo("2000");
    assertThat(big.hidden()).isEmpty();
  }

  @Test
  void noRowsIsAZeroTotalAndANewRecordGetsItsDefaults() {
    FormCalculator.Result empty = calculator.calculateNew(ORDER, data("{}"));
    assertThat(empty.result().get("total").decimalValue()).isEqualByComparingTo("0");
    assertThat(empty.result().get("customer").asString()).isEqualTo("walk-in");
    assertThat(calculator.calculate(ORDER, data("{}")).result().has("customer")).as("defaults only for a new record").isFalse();
  }

  private static ObjectNode data(String json) {
    return (ObjectNode) Json.MAPPER.readTree(json);
  }
}
