package dev.tangram.engine.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles form formulas into sandboxed functions. A formula is a JavaScript expression with the form's field
 * keys in scope and the Excel-like library (SUM, IF, ROUND, DATEDIF, TEXT, ...; see docs/formulas.md).
 */
public final class FormulaEngine {

    private final ScriptSandbox sandbox;

    public FormulaEngine(ScriptSandbox sandbox) {
        this.sandbox = sandbox;
    }

    /**
     * Compiles one formula; its parameters are the keys of {@code scope} that the expression references.
     *
     * @throws RuleEvaluationException {@code SYNTAX} with the position in the expression
     */
    public Formula compile(FormulaField field, Collection<String> scope) {
        Set<String> references = new LinkedHashSet<>(FormulaDependencies.references(field.expression()));
        references.retainAll(Set.copyOf(scope));
        RuleScript script = sandbox.compile(field.key(), RuleScript.Kind.EXPRESSION, field.expression(),
                List.copyOf(references));
        return new Formula(field, references, script, sandbox);
    }

    /** A plan for a form without subform formulas. */
    public FormulaPlan plan(Collection<FormulaField> formulas, Collection<String> inputKeys) {
        return plan(formulas, inputKeys, Map.of());
    }

    /**
     * Compiles all formula fields of a form in dependency order.
     *
     * @param inputKeys    the non-formula field keys (including subform keys)
     * @param subformPlans for each subform key, the plan for its rows (evaluated before the form's formulas)
     * @throws RuleEvaluationException {@code CYCLE} or {@code SYNTAX}
     */
    public FormulaPlan plan(Collection<FormulaField> formulas, Collection<String> inputKeys,
            Map<String, FormulaPlan> subformPlans) {
        Set<String> scope = new LinkedHashSet<>(inputKeys);
        scope.addAll(subformPlans.keySet());
        Map<String, FormulaField> byKey = new LinkedHashMap<>();
        for (FormulaField field : formulas) {
            if (byKey.put(field.key(), field) != null) throw new IllegalArgumentException("Duplicate formula field '" + field.key() + "'");
            scope.add(field.key());
        }
        Map<String, Set<String>> references = new LinkedHashMap<>();
        byKey.forEach((key, field) -> references.put(key, FormulaDependencies.references(field.expression())));
        List<Formula> ordered = new ArrayList<>(byKey.size());
        for (String key : FormulaDependencies.evaluationOrder(references)) ordered.add(compile(byKey.get(key), scope));
        return new FormulaPlan(sandbox, ordered, subformPlans);
    }
}
