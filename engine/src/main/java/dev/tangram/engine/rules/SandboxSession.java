package dev.tangram.engine.rules;

import dev.tangram.engine.rules.RuleEvaluationException.Code;
import dev.tangram.engine.rules.internal.EvaluationWatchdog;
import dev.tangram.engine.rules.internal.GuestErrors;
import dev.tangram.engine.rules.internal.GuestValues;
import dev.tangram.engine.rules.internal.SandboxContext;
import java.util.List;
import java.util.function.Function;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
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
        if (poisoned) throw new IllegalStateException("This sandbox session already hit a limit");
        context.resetLimits();
        EvaluationWatchdog.Watch watch = watchdog.watch(context);
        try {
            return toHost.apply(context.call(script.function(), (Object[]) guestArguments));
        } catch (PolyglotException e) {
            RuleEvaluationException failure = GuestErrors.translate(e, script.name(), script.text(), watch.verdict());
            poisoned |= GuestErrors.poisons(failure.code());
            throw failure.code() == Code.TIMEOUT ? timeout(script, e) : failure;
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new RuleEvaluationException(Code.RUNTIME, script.name(), 0, 0, e.getMessage(), e);
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
