package dev.tangram.engine.rules;

import java.util.List;
import org.graalvm.polyglot.Source;

/**
 * A script compiled once by {@link ScriptSandbox#compile} into a function of named parameters. Evaluating it
 * many times reuses the parsed code (the sandbox's engine caches it per source); holding it is cheap.
 */
public final class RuleScript {

    /** How the source text becomes a function body. */
    public enum Kind {
        /** A single JavaScript expression whose value is the result, e.g. {@code qty * price}. */
        EXPRESSION,
        /** Statements with {@code return}, e.g. {@code if (amount > 5000) return 'gm'; return 'mgr';}. */
        BODY
    }

    private final String name;
    private final Kind kind;
    private final String text;
    private final List<String> parameters;
    private final Source function;

    RuleScript(String name, Kind kind, String text, List<String> parameters, Source function) {
        this.name = name;
        this.kind = kind;
        this.text = text;
        this.parameters = List.copyOf(parameters);
        this.function = function;
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** The source as written by the rule author. */
    public String text() {
        return text;
    }

    /** Parameter names in the order {@link ScriptSandbox#evaluate(RuleScript, java.util.Map)} binds them. */
    public List<String> parameters() {
        return parameters;
    }

    Source function() {
        return function;
    }

    @Override
    public String toString() {
        return "RuleScript[" + name + ", " + kind + ", " + parameters + "]";
    }
}
