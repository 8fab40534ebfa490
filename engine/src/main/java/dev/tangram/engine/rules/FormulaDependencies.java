package dev.tangram.engine.rules;

import dev.tangram.engine.rules.RuleEvaluationException.Code;
import dev.tangram.engine.rules.internal.IdentifierScanner;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Orders formula fields so that each is evaluated after the formula fields it references. */
public final class FormulaDependencies {

    private FormulaDependencies() {
    }

    /** The identifiers an expression may reference (conservative: may include a few that are not fields). */
    public static Set<String> references(String expression) {
        return IdentifierScanner.identifiers(expression);
    }

    /**
     * Returns the formula keys in an order where every formula comes after the formulas it references; ties keep
     * the given order. References to keys that are not formulas (inputs, library functions) are ignored.
     *
     * @param references each formula key with the keys its expression references, in declaration order
     * @throws RuleEvaluationException {@code CYCLE} naming the cycle, e.g. {@code a -> b -> a}
     */
    public static List<String> evaluationOrder(Map<String, ? extends Collection<String>> references) {
        List<String> order = new ArrayList<>(references.size());
        Map<String, Boolean> finished = new HashMap<>(); // false while on the current path, true when done
        for (String key : references.keySet()) visit(key, references, finished, new ArrayDeque<>(), order);
        return order;
    }

    private static void visit(String key, Map<String, ? extends Collection<String>> references,
            Map<String, Boolean> finished, Deque<String> path, List<String> order) {
        Boolean state = finished.get(key);
        if (Boolean.TRUE.equals(state)) return;
        path.addLast(key);
        if (Boolean.FALSE.equals(state)) throw cycle(path);
        finished.put(key, false);
        for (String dependency : references.get(key)) {
            if (references.containsKey(dependency)) visit(dependency, references, finished, path, order);
        }
        finished.put(key, true);
        path.removeLast();
        order.add(key);
    }

    private static RuleEvaluationException cycle(Deque<String> path) {
        List<String> steps = new ArrayList<>(path);
        String repeated = steps.getLast();
        List<String> loop = steps.subList(steps.indexOf(repeated), steps.size());
        return new RuleEvaluationException(Code.CYCLE, repeated,
                "formula fields reference each other in a cycle: " + String.join(" -> ", loop));
    }
}
