package dev.tangram.engine.rules.internal;

import dev.tangram.engine.rules.RuleEvaluationException;
import dev.tangram.engine.rules.RuleEvaluationException.Code;
import java.util.regex.Pattern;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;
import org.jspecify.annotations.Nullable;

/** Translates what GraalJS throws into our {@link RuleEvaluationException} family, with the author's position. */
public final class GuestErrors {

    private static final Pattern HOST_NAME_MISSING = Pattern.compile(
            "ReferenceError: (Java|Packages|java|javax|javafx|com|org|edu|Polyglot|Graal|load|loadWithNewGlobal"
                    + "|print|printErr|console|quit|exit|read|readline|readbuffer|require|process) is not defined.*");
    private static final Pattern SYNTAX_PREFIX = Pattern.compile("^SyntaxError: \\S*?:\\d+:\\d+ ");

    private GuestErrors() {
    }

    /**
     * @param verdict what the watchdog decided, which explains a cancellation
     * @param text    the author's source text, to clamp positions into it
     */
    public static RuleEvaluationException translate(PolyglotException e, String ruleName, String text,
            EvaluationWatchdog.Verdict verdict) {
        Code code = classify(e, verdict);
        SourceSection at = location(e, ruleName);
        int line = at == null ? 0 : FunctionSources.authorLine(at.getStartLine(), text);
        int column = at == null ? 0 : at.getStartLine() <= FunctionSources.PREFIX_LINES ? 1 : at.getStartColumn();
        return new RuleEvaluationException(code, ruleName, line, column, message(e, code), e);
    }

    /** Whether the context must be discarded: anything beyond an ordinary exception thrown by the script. */
    public static boolean poisons(Code code) {
        return code != Code.RUNTIME && code != Code.HOST_ACCESS_DENIED && code != Code.SYNTAX;
    }

    static Code classify(PolyglotException e, EvaluationWatchdog.Verdict verdict) {
        if (verdict == EvaluationWatchdog.Verdict.TIMEOUT) return Code.TIMEOUT;
        if (verdict == EvaluationWatchdog.Verdict.MEMORY) return Code.MEMORY;
        String message = String.valueOf(e.getMessage());
        if (e.isSyntaxError()) return Code.SYNTAX;
        if (e.isResourceExhausted()) {
            return message.startsWith("Statement count limit") ? Code.STATEMENT_LIMIT : Code.MEMORY;
        }
        if (e.isCancelled() || e.isInterrupted()) return Code.TIMEOUT;
        if (e.isHostException() || e.isInternalError()) return Code.RUNTIME;
        if (message.startsWith("RangeError: Sandbox limit:") || message.contains("Invalid string length")
                || message.contains("Maximum call stack size exceeded")) {
            return Code.MEMORY;
        }
        if (HOST_NAME_MISSING.matcher(message).matches() || message.contains("Access to host class")
                || message.contains("Operation is not allowed") || message.startsWith("EvalError:")) {
            return Code.HOST_ACCESS_DENIED;
        }
        return Code.RUNTIME;
    }

    /** Where in the rule's own source it failed: the error's location, else the innermost frame in the rule. */
    private static @Nullable SourceSection location(PolyglotException e, String ruleName) {
        SourceSection direct = e.getSourceLocation();
        if (inRule(direct, ruleName)) return direct;
        for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
            if (frame.isGuestFrame() && inRule(frame.getSourceLocation(), ruleName)) return frame.getSourceLocation();
        }
        return null;
    }

    private static boolean inRule(@Nullable SourceSection section, String ruleName) {
        return section != null && section.isAvailable() && ruleName.equals(section.getSource().getName());
    }

    private static String message(PolyglotException e, Code code) {
        String raw = String.valueOf(e.getMessage());
        String firstLine = raw.lines().findFirst().orElse(raw);
        return switch (code) {
            case SYNTAX -> SYNTAX_PREFIX.matcher(firstLine).replaceFirst("SyntaxError: ");
            case TIMEOUT -> "stopped after the time limit (" + firstLine + ")";
            default -> firstLine;
        };
    }
}
