package dev.tangram.engine.rules.internal;

import dev.tangram.engine.rules.SandboxLimits;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

/**
 * One locked-down GraalJS context on the shared engine, with the formula library installed and every
 * reachable object frozen, plus the functions compiled in it. Used by one thread at a time (the pool hands it
 * out exclusively); discarded, never reused, after any limit or cancellation.
 */
public final class SandboxContext implements AutoCloseable {

    /** Compiled functions are bound to their context; bound the cache so many apps cannot grow it forever. */
    private static final int MAX_CACHED_FUNCTIONS = 512;

    private final Context context;
    private final Map<Source, Value> functions = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Source, Value> eldest) {
            return size() > MAX_CACHED_FUNCTIONS;
        }
    };

    private SandboxContext(Context context) {
        this.context = context;
    }

    /** Opens a context with no host access at all; proxies handed in by the host are the only bridge. */
    public static SandboxContext open(Engine engine, ResourceLimits resourceLimits, SandboxLimits limits,
            SandboxScripts scripts) {
        Context context = Context.newBuilder("js")
                .engine(engine)
                .allowHostAccess(HostAccess.NONE)
                .allowHostClassLookup(className -> false)
                .allowHostClassLoading(false)
                .allowIO(IOAccess.NONE)
                .allowCreateThread(false)
                .allowCreateProcess(false)
                .allowNativeAccess(false)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowValueSharing(false)
                .allowExperimentalOptions(false)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .in(InputStream.nullInputStream())
                .option("js.ecmascript-version", "2024")
                .option("js.strict", "true")
                .option("js.allow-eval", "false")
                .option("js.load", "false")
                .option("js.print", "false")
                .option("js.console", "false")
                .option("js.graal-builtin", "false")
                .option("js.intl-402", "false")
                .resourceLimits(resourceLimits)
                .build();
        try {
            context.eval(scripts.library());
            context.eval(scripts.bootstrap()).execute(limits.maxStringLength(), limits.maxArrayLength());
            context.resetLimits();
            return new SandboxContext(context);
        } catch (RuntimeException e) {
            context.close(true);
            throw new IllegalStateException("Cannot prepare a sandbox context: " + e.getMessage(), e);
        }
    }

    /** Calls the function that {@code function} evaluates to, compiling it in this context on first use. */
    public Value call(Source function, Object... arguments) {
        Value fn = functions.get(function);
        if (fn == null) {
            fn = context.eval(function);
            functions.put(function, fn);
        }
        return fn.execute(arguments);
    }

    /** Parses without running anything; throws the parser's {@link PolyglotException} on a syntax error. */
    public void parse(Source source) {
        context.parse(source);
    }

    /** Statement counts accumulate per context; each evaluation starts from zero. */
    public void resetLimits() {
        context.resetLimits();
    }

    /** Stops a running evaluation from another thread (the watchdog) and closes the context. */
    public void cancel() {
        closeQuietly();
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            context.close(true);
        } catch (PolyglotException | IllegalStateException alreadyGone) {
            // A cancelled or limit-exhausted context reports its cause again on close; it is discarded either way.
        }
    }
}
