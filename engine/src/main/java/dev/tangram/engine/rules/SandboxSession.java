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
 * One bounded evaluation on one pooled context: the statement limit, timeout and allocation budget cover
 * everything called through it (e.g. all formulas of one record). Marks the context for discarding when a
 * limit was hit.
 */
final class SandboxSession {

    private final SandboxContext context;
    private final EvaluationWatchdog.Watch watch;
    private final SandboxLimits limits;
    private boolean poisoned;

    SandboxSession(SandboxContext context, EvaluationWatchdog.Watch watch, SandboxLimits limits) {
        this.context = context;
        this.watch = watch;
        this.limits = limits;
    }

    /** Calls the script with arguments already in script form, and converts its result with {@code toHost}. */
    <T> @Nullable T call(RuleScript script, @Nullable Object[] guestArguments, Function<Value, @Nullable T> toHost) {
        Value result;
        try {
            result = context.call(script.function(), (Object[]) guestArguments);
        } catch (PolyglotException e) {
            RuleEvaluationException failure = GuestErrors.translate(e, script.name(), script.text(), watch.verdict());
            poisoned |= GuestErrors.poisons(failure.code());
            throw failure.code() == Code.TIMEOUT ? timeout(script, e) : failure;
        }
        try {
            return toHost.apply(result);
        } catch (PolyglotException e) {
            poisoned = true;
            throw GuestErrors.translate(e, script.name(), script.text(), watch.verdict());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new RuleEvaluationException(Code.RUNTIME, script.name(), 0, 0, e.getMessage(), e);
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
