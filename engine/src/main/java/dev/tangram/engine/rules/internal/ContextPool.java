package dev.tangram.engine.rules.internal;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Idle sandbox contexts kept for reuse. A context is handed to one caller at a time; the pool never blocks:
 * when none is idle a new one is opened, and contexts beyond {@code maxIdle} are closed on release.
 */
public final class ContextPool implements AutoCloseable {

    private final Supplier<SandboxContext> opener;
    private final int maxIdle;
    private final ConcurrentLinkedDeque<SandboxContext> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private final AtomicInteger opened = new AtomicInteger();
    private volatile boolean closed;

    public ContextPool(Supplier<SandboxContext> opener, int maxIdle) {
        this.opener = opener;
        this.maxIdle = maxIdle;
    }

    public SandboxContext acquire() {
        if (closed) throw new IllegalStateException("The script sandbox is closed");
        SandboxContext context = idle.pollFirst();
        if (context != null) {
            idleCount.decrementAndGet();
            return context;
        }
        opened.incrementAndGet();
        return opener.get();
    }

    /** Returns a healthy context; callers discard (close) a context that hit a limit instead. */
    public void release(SandboxContext context) {
        if (!closed && idleCount.incrementAndGet() <= maxIdle) {
            idle.addFirst(context);
            if (!closed) return;
        } else {
            idleCount.decrementAndGet();
        }
        context.close();
    }

    /** Contexts opened since start, for tests and monitoring: a rising count means contexts are being discarded. */
    public int openedCount() {
        return opened.get();
    }

    @Override
    public void close() {
        closed = true;
        for (SandboxContext context; (context = idle.pollFirst()) != null; ) {
            context.close();
        }
    }
}
