package dev.tangram.engine.rules;

import dev.tangram.engine.rules.RuleEvaluationException.Code;
import dev.tangram.engine.rules.internal.EvaluationWatchdog;
import dev.tangram.engine.rules.internal.GuestErrors;
import dev.tangram.engine.rules.internal.GuestValues;
import dev.tangram.engine.rules.internal.SandboxContext;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.Function;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.jspecify.annotations.Nullable;

/**
 * A run of evaluations on one pooled context (e.g. all formulas of one record). Each call is one bounded
 * evaluation: its own statement count, timeout and allocation budget, so a record with many formulas is not
 * cut short by their sum, and a cold first call does not eat the budget of the others. Marks the context for
 * discarding when a limit was hit.
 */
final class SandboxSession {

    private final SandboxContext context;
    private final EvaluationWatchdog watchdog;
    private final SandboxLimits limits;
    private boolean poisoned;

    SandboxSession(SandboxContext context, EvaluationWatchdog watchdog, SandboxLimits limits) {
        this.context = context;
        this.watchdog = watchdog;
        this.limits = limits;
    }

    /** Calls the script with arguments already in script form, and converts its result with {@code toHost}. */
    <T> @Nullable T call(RuleScript script, @Nullable Object[] guestArguments, Function<Value, @Nullable T> toHost) {
        return bounded(() -> toHost.apply(context.call(script.function(), (Object[]) guestArguments)), e -> script);
    }

    /**
     * Runs row formulas over all rows of a subform in one bounded call (see {@code __tangramRows} in the
     * library): one crossing into the script per subform instead of one per row and formula.
     *
     * @param scales per formula, the scale to round numbers to, or -1 for non-number fields
     */
    <T> @Nullable T callRows(List<RuleScript> scripts, Object rows, Object parent, int[] scales,
            Function<Value, @Nullable T> toHost) {
        Map<String, RuleScript> byName = new java.util.HashMap<>();
        for (RuleScript script : scripts) byName.put(script.name(), script);
        return bounded(() -> {
            Object[] functions = scripts.stream().map(s -> context.function(s.function())).toArray();
            Object[] parameters = scripts.stream().map(s -> ProxyArray.fromArray(s.parameters().toArray())).toArray();
            Object[] keys = scripts.stream().map(RuleScript::name).toArray();
            Object[] boxedScales = java.util.Arrays.stream(scales).boxed().toArray();
            return toHost.apply(context.callGlobal("__tangramRows", rows, parent, ProxyArray.fromArray(functions),
                    ProxyArray.fromArray(parameters), ProxyArray.fromArray(keys), ProxyArray.fromArray(boxedScales)));
        }, e -> e == null ? scripts.getFirst()
                : byName.getOrDefault(GuestErrors.failingRule(e, byName.keySet()), scripts.getFirst()));
    }

    /** One evaluation under the limits: statement count from zero, watchdog on, failures translated. */
    private <T> @Nullable T bounded(Supplier<@Nullable T> work, Function<@Nullable PolyglotException, RuleScript> blame) {
        if (poisoned) throw new IllegalStateException("This sandbox session already hit a limit");
        context.resetLimits();
        EvaluationWatchdog.Watch watch = watchdog.watch(context);
        try {
            return work.get();
        } catch (PolyglotException e) {
            RuleScript script = blame.apply(e);
            RuleEvaluationException failure = GuestErrors.translate(e, script.name(), script.text(), watch.verdict());
            poisoned |= GuestErrors.poisons(failure.code());
            throw failure.code() == Code.TIMEOUT ? timeout(script, e) : failure;
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new RuleEvaluationException(Code.RUNTIME, blame.apply(null).name(), 0, 0, e.getMessage(), e);
        } finally {
            poisoned |= watch.stop() != EvaluationWatchdog.Verdict.NONE;
        }
    }

    /** Converts host arguments to script form, in the script's parameter order. */
    static @Nullable Object[] guestArguments(RuleScript script, Function<String, @Nullable Object> lookup) {
        List<String> parameters = script.parameters();
        @Nullable Object[] arguments = new Object[parameters.size()];
        for (int i = 0; i < arguments.length; i++) {
            try {
                arguments[i] = GuestValues.toGuest(lookup.apply(parameters.get(i)));
            } catch (IllegalArgumentException e) {
                throw new RuleEvaluationException(Code.RUNTIME, script.name(), 0, 0,
                        "parameter '" + parameters.get(i) + "': " + e.getMessage(), e);
            }
        }
        return arguments;
    }

    private RuleEvaluationException timeout(RuleScript script, PolyglotException e) {
        return new RuleEvaluationException(Code.TIMEOUT, script.name(), 0, 0,
                "stopped after the time limit of " + limits.timeout().toMillis() + " ms", e);
    }

    boolean poisoned() {
        return poisoned;
    }
}
