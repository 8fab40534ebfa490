package dev.tangram.engine.rules;

import dev.tangram.engine.rules.internal.GuestValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * All formulas of a form, in dependency order, evaluated for one record on one pooled sandbox context; each
 * formula call is bounded by the sandbox limits on its own. Subform row formulas run first, row by row, seeing the
 * row's values and then the record's; the form's formulas then see the computed rows ({@code SUM(lines.sum)}).
 */
public final class FormulaPlan {

    private final ScriptSandbox sandbox;
    private final List<Formula> ordered;
    private final Map<String, FormulaPlan> subformPlans;

    FormulaPlan(ScriptSandbox sandbox, List<Formula> ordered, Map<String, FormulaPlan> subformPlans) {
        this.sandbox = sandbox;
        this.ordered = List.copyOf(ordered);
        this.subformPlans = Map.copyOf(subformPlans);
    }

    /** The formula keys in evaluation order. */
    public List<String> order() {
        return ordered.stream().map(Formula::key).toList();
    }

    /**
     * Returns a copy of {@code record} with every formula field (and subform row formula) computed.
     *
     * @throws RuleEvaluationException naming the formula field that failed
     */
    public Map<String, @Nullable Object> evaluate(Map<String, ?> record) {
        return sandbox.session(session -> evaluateIn(session, record, key -> null));
    }

    private Map<String, @Nullable Object> evaluateIn(SandboxSession session, Map<String, ?> values,
            Function<String, @Nullable Object> outer) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>(values);
        // Script-side views are built once per record (a subform proxy then builds each column once).
        Map<String, Object> guest = new HashMap<>();
        Function<String, @Nullable Object> lookup =
                key -> guest.computeIfAbsent(key, k -> GuestValues.toGuest(lookup(out, k, outer)));
        subformPlans.forEach((subform, rowPlan) -> {
            if (out.get(subform) instanceof List<?> rows) {
                List<Map<String, @Nullable Object>> computed = new ArrayList<>(rows.size());
                for (Object row : rows) {
                    computed.add(rowPlan.evaluateIn(session, (Map<String, ?>) row, key -> lookup(out, key, outer)));
                }
                out.put(subform, computed);
                guest.remove(subform);
            }
        });
        for (Formula formula : ordered) {
            out.put(formula.key(), formula.evaluateIn(session, lookup));
            guest.remove(formula.key());
        }
        return out;
    }

    private static @Nullable Object lookup(Map<String, ?> values, String key, Function<String, @Nullable Object> outer) {
        return values.containsKey(key) ? values.get(key) : outer.apply(key);
    }
}
