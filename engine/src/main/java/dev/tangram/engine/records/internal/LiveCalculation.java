package dev.tangram.engine.records.internal;

import dev.tangram.engine.common.TangramException;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.rules.FormulaEngine;
import dev.tangram.engine.rules.FormulaPlan;
import dev.tangram.engine.rules.RuleEvaluationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Formulas, expression defaults and visibility of a definition (published or a designer's draft)
 * computed for data being typed, with the same compiled plans the record service uses on write.
 * Plans are kept for the last few definitions, since a form being filled in is asked again and
 * again while its definition stays the same.
 */
public final class LiveCalculation {

  private static final int CACHED_DEFINITIONS = 64;

  private final FormulaPlans formulas;
  private final FormRulePlans rules;
  private final Map<FormDefinition, Plans> cache = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<FormDefinition, Plans> eldest) {
      return size() > CACHED_DEFINITIONS;
    }
  });

  public LiveCalculation(FormulaEngine engine) {
    this.formulas = new FormulaPlans(engine);
    this.rules = new FormRulePlans(engine);
  }

  /** What the server would compute for {@code data}: values with formulas, hidden fields, or why it could not. */
  public record Outcome(ObjectNode data, Set<String> hidden, @Nullable String problem) {}

  public Outcome calculate(FormDefinition form, ObjectNode entered, boolean applyDefaults) {
    Plans plans = cache.computeIfAbsent(form, f -> new Plans(formulas.build(f), rules.build(f)));
    ObjectNode data = entered.deepCopy();
    try {
      if (applyDefaults) {
        plans.rules().applyDefaults(data);
      }
      if (plans.formulas().isPresent()) {
        Map<String, @Nullable Object> values = FormulaValues.toMap(data);
        form.fields().stream().filter(f -> "subform".equals(f.type())).forEach(f -> values.putIfAbsent(f.key(), List.of()));
        data = FormulaValues.withComputed(form, data, plans.formulas().get().evaluate(values));
      }
      return new Outcome(data, plans.rules().isEmpty() ? Set.of() : plans.rules().hidden(data), null);
    } catch (RuleEvaluationException e) {
      return new Outcome(data, Set.of(), e.ruleName() + ": " + e.detail());
    } catch (TangramException e) {
      return new Outcome(data, Set.of(), e.getMessage());
    }
  }

  private record Plans(Optional<FormulaPlan> formulas, FormRulePlans.Plan rules) {}
}
