package dev.tangram.engine.rules;

import dev.tangram.engine.rules.internal.FormulaResults;
import java.util.Map;
import java.util.Set;
import org.graalvm.polyglot.Value;
import org.jspecify.annotations.Nullable;

/**
 * A formula compiled once into a sandboxed function of the field keys it references. Evaluate it as often as
 * needed; thread-safe.
 */
public final class Formula {

    private final FormulaField field;
    private final Set<String> references;
    private final RuleScript script;
    private final ScriptSandbox sandbox;

    Formula(FormulaField field, Set<String> references, RuleScript script, ScriptSandbox sandbox) {
        this.field = field;
        this.references = Set.copyOf(references);
        this.script = script;
        this.sandbox = sandbox;
    }

    public FormulaField field() {
        return field;
    }

    public String key() {
        return field.key();
    }

    /** The field keys in scope that the expression references, i.e. what it depends on. */
    public Set<String> references() {
        return references;
    }

    /**
     * Evaluates against field values (numbers, strings, booleans, dates, subforms as lists of row maps).
     *
     * @return BigDecimal (NUMBER, MONEY), String, Boolean, LocalDate, or {@code null}
     */
    public @Nullable Object evaluate(Map<String, ?> values) {
        return sandbox.session(session -> evaluateIn(session, values::get));
    }

    @Nullable Object evaluateIn(SandboxSession session, java.util.function.Function<String, @Nullable Object> values) {
        return session.call(script, SandboxSession.guestArguments(script, values), this::deliver);
    }

    private @Nullable Object deliver(Value result) {
        return FormulaResults.convert(result, field.type(), field.scale());
    }
}
