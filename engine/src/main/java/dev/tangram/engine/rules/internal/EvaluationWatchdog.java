package dev.tangram.engine.rules.internal;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * One daemon thread per sandbox that enforces the wall-clock timeout and the allocation budget of every running
 * evaluation by cancelling (closing) its context. Polling keeps the per-evaluation cost to two volatile writes
 * instead of scheduling a task per call. The allocation budget uses the evaluating thread's allocated-bytes
 * counter, the one allocation bound available in GraalJS community edition (it has no sandbox heap limit).
 */
public final class EvaluationWatchdog implements AutoCloseable {

    /** Why the watchdog stopped an evaluation. */
    public enum Verdict { NONE, TIMEOUT, MEMORY }

    private static final int RUNNING = 0;
    private static final int DONE = 1;

    private final long timeoutNanos;
    private final long allocationBudget;
    private final com.sun.management.@Nullable ThreadMXBean threads = allocationCounter();
    private final Set<Watch> running = ConcurrentHashMap.newKeySet();
    /** The evaluation running on this thread (innermost, when a host call evaluates another script). */
    private static final ThreadLocal<@Nullable Watch> CURRENT = new ThreadLocal<>();
    private final ScheduledExecutorService ticker;

    public EvaluationWatchdog(Duration timeout, long allocationBudgetBytes, Duration interval) {
        this.timeoutNanos = timeout.toNanos();
        this.allocationBudget = allocationBudgetBytes;
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tangram-sandbox-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        long period = interval.toNanos();
        ticker.scheduleAtFixedRate(this::tick, period, period, TimeUnit.NANOSECONDS);
    }

    /** Starts watching an evaluation about to run on the current thread in {@code context}. */
    public Watch watch(SandboxContext context) {
        Thread thread = Thread.currentThread();
        boolean countable = threads != null && allocationBudget > 0 && !thread.isVirtual();
        long baseline = countable ? threads.getCurrentThreadAllocatedBytes() : -1;
        Watch watch = new Watch(context, thread.threadId(), System.nanoTime() + timeoutNanos, baseline, CURRENT.get());
        running.add(watch);
        CURRENT.set(watch);
        return watch;
    }

    /**
     * Runs host work a script called (a records or plugin function): its time and allocations are
     * the host's, not the script's, so they do not count against the evaluation's limits.
     */
    public static <T> T outsideScript(java.util.function.Supplier<T> hostWork) {
        Watch watch = CURRENT.get();
        return watch == null ? hostWork.get() : watch.paused(hostWork);
    }

    private void tick() {
        long now = System.nanoTime();
        for (Watch watch : running) {
            if (now - watch.deadline > 0) {
                watch.fire(Verdict.TIMEOUT);
            } else if (watch.baseline >= 0 && threads != null
                    && threads.getThreadAllocatedBytes(watch.threadId) - watch.baseline > allocationBudget) {
                watch.fire(Verdict.MEMORY);
            }
        }
    }

    private static com.sun.management.@Nullable ThreadMXBean allocationCounter() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                && bean.isThreadAllocatedMemorySupported()) {
            if (!bean.isThreadAllocatedMemoryEnabled()) bean.setThreadAllocatedMemoryEnabled(true);
            return bean;
        }
        return null;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    /** One watched evaluation. Exactly one of {@link #stop()} and the watchdog's verdict wins. */
    public final class Watch {
        private final SandboxContext context;
        private final long threadId;
        private volatile long deadline;
        private volatile long baseline;
        private final @Nullable Watch enclosing;
        private final AtomicInteger state = new AtomicInteger(RUNNING);

        private Watch(SandboxContext context, long threadId, long deadline, long baseline, @Nullable Watch enclosing) {
            this.context = context;
            this.threadId = threadId;
            this.deadline = deadline;
            this.baseline = baseline;
            this.enclosing = enclosing;
        }

        private <T> T paused(java.util.function.Supplier<T> hostWork) {
            running.remove(this);
            long started = System.nanoTime();
            long allocated = baseline >= 0 && threads != null ? threads.getCurrentThreadAllocatedBytes() : 0;
            try {
                return hostWork.get();
            } finally {
                deadline += System.nanoTime() - started;
                if (baseline >= 0 && threads != null) {
                    baseline += threads.getCurrentThreadAllocatedBytes() - allocated;
                }
                if (state.get() == RUNNING) {
                    running.add(this);
                }
            }
        }

        private void fire(Verdict reason) {
            if (state.compareAndSet(RUNNING, reason.ordinal() + 1)) {
                running.remove(this);
                context.cancel();
            }
        }

        /** The verdict so far: {@code NONE} unless the watchdog has cancelled this evaluation. */
        public Verdict verdict() {
            int s = state.get();
            return s > DONE ? Verdict.values()[s - 1] : Verdict.NONE;
        }

        /** Ends watching; returns the watchdog's verdict if it already cancelled the evaluation. */
        public Verdict stop() {
            running.remove(this);
            if (CURRENT.get() == this) {
                CURRENT.set(enclosing);
            }
            state.compareAndSet(RUNNING, DONE);
            return verdict();
        }
    }
}
