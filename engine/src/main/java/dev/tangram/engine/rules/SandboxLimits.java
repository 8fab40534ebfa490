package dev.tangram.engine.rules;

import java.time.Duration;

/**
 * The bounds every script evaluation runs under. Each is a named setting with a safe default
 * ({@link #defaults()}); a sandbox applies the same limits to all its evaluations, because GraalJS requires one
 * statement limit per shared engine.
 *
 * @param statementLimit      JavaScript statements one evaluation may execute (loops, recursion)
 * @param timeout             wall-clock time one evaluation may take (catches long-running built-ins)
 * @param allocationBudgetBytes bytes the evaluating thread may allocate during one evaluation, polled by the
 *                            watchdog; the community edition has no heap limit, so this is the memory bound
 *                            (0 disables it; unsupported on virtual threads, where timeout and statements remain)
 * @param maxSourceLength     characters of script source accepted for compiling or checking
 * @param maxStringLength     characters of a string a script may build with repeat/padStart/padEnd or return
 * @param maxArrayLength      elements of an array a script may fill/join or return
 * @param watchdogInterval    how often the watchdog checks deadlines and allocation budgets
 * @param maxPooledContexts   idle contexts kept for reuse; more are created on demand and closed on release
 */
public record SandboxLimits(
        long statementLimit,
        Duration timeout,
        long allocationBudgetBytes,
        int maxSourceLength,
        int maxStringLength,
        int maxArrayLength,
        Duration watchdogInterval,
        int maxPooledContexts) {

    public SandboxLimits {
        if (statementLimit < 1) throw new IllegalArgumentException("statementLimit must be positive: " + statementLimit);
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive: " + timeout);
        if (allocationBudgetBytes < 0) throw new IllegalArgumentException("allocationBudgetBytes must be >= 0");
        if (maxSourceLength < 1 || maxStringLength < 1 || maxArrayLength < 1) {
            throw new IllegalArgumentException("source, string and array limits must be positive");
        }
        if (watchdogInterval.isNegative() || watchdogInterval.isZero()) {
            throw new IllegalArgumentException("watchdogInterval must be positive: " + watchdogInterval);
        }
        if (maxPooledContexts < 0) throw new IllegalArgumentException("maxPooledContexts must be >= 0");
    }

    /**
     * 100,000 statements, 1 s, 64 MiB allocated, 64 KiB source, 1M characters, 100k elements, 4 pooled contexts.
     * The timeout is a backstop for built-ins that loop without statements; 200 ms proved too tight: on a 2-core
     * machine in interpreted mode a warm 1 µs formula call was occasionally stalled past 200 ms while HotSpot
     * compiled the Truffle interpreter (see docs/formulas.md).
     */
    public static SandboxLimits defaults() {
        return new SandboxLimits(100_000, Duration.ofSeconds(1), 64L << 20, 65_536, 1_000_000, 100_000,
                Duration.ofMillis(5), 4);
    }

    public SandboxLimits withStatementLimit(long value) {
        return new SandboxLimits(value, timeout, allocationBudgetBytes, maxSourceLength, maxStringLength,
                maxArrayLength, watchdogInterval, maxPooledContexts);
    }

    public SandboxLimits withTimeout(Duration value) {
        return new SandboxLimits(statementLimit, value, allocationBudgetBytes, maxSourceLength, maxStringLength,
                maxArrayLength, watchdogInterval, maxPooledContexts);
    }

    public SandboxLimits withAllocationBudgetBytes(long value) {
        return new SandboxLimits(statementLimit, timeout, value, maxSourceLength, maxStringLength,
                maxArrayLength, watchdogInterval, maxPooledContexts);
    }

    public SandboxLimits withMaxSourceLength(int value) {
        return new SandboxLimits(statementLimit, timeout, allocationBudgetBytes, value, maxStringLength,
                maxArrayLength, watchdogInterval, maxPooledContexts);
    }

    public SandboxLimits withMaxPooledContexts(int value) {
        return new SandboxLimits(statementLimit, timeout, allocationBudgetBytes, maxSourceLength, maxStringLength,
                maxArrayLength, watchdogInterval, value);
    }
}
