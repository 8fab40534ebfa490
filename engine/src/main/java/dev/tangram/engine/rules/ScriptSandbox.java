package dev.tangram.engine.rules;

import dev.tangram.engine.rules.RuleEvaluationException.Code;
import dev.tangram.engine.rules.internal.ContextPool;
import dev.tangram.engine.rules.internal.EvaluationWatchdog;
import dev.tangram.engine.rules.internal.FunctionSources;
import dev.tangram.engine.rules.internal.GuestErrors;
import dev.tangram.engine.rules.internal.GuestValues;
import dev.tangram.engine.rules.internal.SandboxContext;
import dev.tangram.engine.rules.internal.SandboxScripts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.Source;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs untrusted JavaScript (rules and formulas) with no reach into the host and bounded in statements, time,
 * allocation and result size ({@link SandboxLimits}). Thread-safe; create one per application and close it on
 * shutdown.
 *
 * <p><b>Context strategy: a pool of hardened contexts on one shared engine.</b> Measured on this machine
 * (Temurin 25, GraalJS 25.0.2, interpreted mode, see {@code FormulaBenchmark} and docs/formulas.md): opening a
 * fresh context per evaluation costs about 1 ms bare and several ms once the formula library is installed and
 * the realm frozen, while calling an already compiled function in a pooled context costs about 1-2 µs. So
 * contexts are pooled and made safe to share instead: host-facing globals are deleted, every object reachable
 * from the global object (prototypes, constructors, the global object itself, hidden iterator and generator
 * intrinsics) is frozen, scripts run in strict-mode function scope, and eval is disabled, so an evaluation can
 * neither leave state behind nor see another's. A context that hit any limit or was cancelled is closed, never
 * returned to the pool.
 *
 * <p>Scripts are compiled once ({@link #compile}) into functions; the engine shares their parsed code across
 * contexts, and each context keeps its compiled function for reuse.
 */
public final class ScriptSandbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScriptSandbox.class);

    private final SandboxLimits limits;
    private final Engine engine;
    private final ContextPool pool;
    private final EvaluationWatchdog watchdog;

    private ScriptSandbox(SandboxLimits limits) {
        this.limits = limits;
        this.engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
        SandboxScripts scripts = SandboxScripts.load();
        // One ResourceLimits instance: GraalJS requires every context of a shared engine to use the same limits.
        ResourceLimits resourceLimits = ResourceLimits.newBuilder()
                .statementLimit(limits.statementLimit(), SandboxScripts::countsTowardsLimits)
                .build();
        this.pool = new ContextPool(() -> SandboxContext.open(engine, resourceLimits, limits, scripts),
                limits.maxPooledContexts());
        this.watchdog = new EvaluationWatchdog(limits.timeout(), limits.allocationBudgetBytes(),
                limits.watchdogInterval());
        // Open the first context now: on a cold JVM it takes seconds (every built-in is loaded to be frozen),
        // which belongs to start-up, not to the first user who saves a form.
        if (limits.maxPooledContexts() > 0) pool.release(pool.acquire());
        log.info("Script sandbox started in GraalJS mode '{}' with {}", mode(), limits);
    }

    /** A sandbox with {@link SandboxLimits#defaults()}. */
    public static ScriptSandbox create() {
        return create(SandboxLimits.defaults());
    }

    public static ScriptSandbox create(SandboxLimits limits) {
        return new ScriptSandbox(limits);
    }

    /** The Truffle runtime in use: {@code Interpreted}, or e.g. {@code GraalVM CE} when the optimiser is active. */
    public String mode() {
        return engine.getImplementationName();
    }

    public SandboxLimits limits() {
        return limits;
    }

    /** Parses {@code source} as a script body (statements, {@code return} allowed) without running it. */
    public Optional<SyntaxProblem> check(String source) {
        return check(RuleScript.Kind.BODY, source);
    }

    /** Parses {@code expression} as one expression, e.g. a formula, without running it. */
    public Optional<SyntaxProblem> checkExpression(String expression) {
        return check(RuleScript.Kind.EXPRESSION, expression);
    }

    private Optional<SyntaxProblem> check(RuleScript.Kind kind, String text) {
        try {
            compile("check", kind, text, List.of());
            return Optional.empty();
        } catch (RuleEvaluationException e) {
            return Optional.of(new SyntaxProblem(e.line(), e.column(), e.detail()));
        }
    }

    /**
     * Compiles {@code text} into a function of {@code parameters}, checking its syntax without running it.
     *
     * @throws RuleEvaluationException {@code SYNTAX} with the position, or {@code SOURCE_TOO_LONG}
     */
    public RuleScript compile(String name, RuleScript.Kind kind, String text, List<String> parameters) {
        if (text.length() > limits.maxSourceLength()) {
            throw new RuleEvaluationException(Code.SOURCE_TOO_LONG, name, "source has " + text.length()
                    + " characters, the limit is " + limits.maxSourceLength());
        }
        for (String parameter : parameters) {
            String problem = FunctionSources.invalidParameter(parameter);
            if (problem != null) throw new RuleEvaluationException(Code.SYNTAX, name, "parameter " + problem);
        }
        Source function = Source.newBuilder("js", FunctionSources.wrap(kind, parameters, text), name)
                .cached(true).buildLiteral();
        SandboxContext context = pool.acquire();
        try {
            context.parse(function);
        } catch (PolyglotException e) {
            throw GuestErrors.translate(e, name, text, EvaluationWatchdog.Verdict.NONE);
        } finally {
            pool.release(context);
        }
        return new RuleScript(name, kind, text, parameters, function);
    }

    /**
     * Runs a compiled script with its parameters bound from {@code arguments} (missing keys are {@code null}).
     *
     * @return {@code null}, Boolean, Double, String, Instant, or an unmodifiable List/Map of those
     * @throws RuleEvaluationException with the code of the limit hit or the script's own error
     */
    public @Nullable Object evaluate(RuleScript script, Map<String, ?> arguments) {
        @Nullable Object[] guestArguments = SandboxSession.guestArguments(script, arguments::get);
        return session(s -> s.call(script, guestArguments, GuestValues::toHost));
    }

    /** Compiles and runs an expression without parameters; the parsed code is cached by the engine. */
    public @Nullable Object evaluateExpression(String name, String expression) {
        return evaluate(compile(name, RuleScript.Kind.EXPRESSION, expression, List.of()), Map.of());
    }

    /** Runs {@code work} on one pooled context, then returns it to the pool or, after a limit, discards it. */
    <T> T session(Function<SandboxSession, T> work) {
        SandboxContext context = pool.acquire();
        SandboxSession session = new SandboxSession(context, watchdog, limits);
        try {
            return work.apply(session);
        } finally {
            if (session.poisoned()) context.close(); else pool.release(context);
        }
    }

    /** Contexts opened so far; grows when contexts are discarded after limits. */
    public int contextsOpened() {
        return pool.openedCount();
    }

    @Override
    public void close() {
        watchdog.close();
        pool.close();
        engine.close();
    }
}
