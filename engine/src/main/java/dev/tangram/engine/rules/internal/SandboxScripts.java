package dev.tangram.engine.rules.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.graalvm.polyglot.Source;

/**
 * The two scripts every context runs once: the formula library and the bootstrap that strips host-facing
 * globals and freezes the realm. Built once per sandbox so the engine parses them once for all contexts.
 *
 * @param library   defines the Excel-like functions as globals
 * @param bootstrap evaluates to {@code install(maxStringLength, maxArrayLength)}
 */
public record SandboxScripts(Source library, Source bootstrap) {

    public static final String LIBRARY_NAME = "tangram-formula-library.js";
    public static final String BOOTSTRAP_NAME = "tangram-sandbox-bootstrap.js";

    public static SandboxScripts load() {
        return new SandboxScripts(source("formula-library.js", LIBRARY_NAME), source("sandbox-bootstrap.js", BOOTSTRAP_NAME));
    }

    /** The bootstrap walks the whole realm to freeze it; its statements must not count against rule limits. */
    public static boolean countsTowardsLimits(Source source) {
        return !BOOTSTRAP_NAME.equals(source.getName());
    }

    private static Source source(String resource, String name) {
        try (InputStream in = SandboxScripts.class.getResourceAsStream("/dev/tangram/engine/rules/" + resource)) {
            if (in == null) throw new IllegalStateException("Missing sandbox resource " + resource);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Source.newBuilder("js", text, name).cached(true).buildLiteral();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
