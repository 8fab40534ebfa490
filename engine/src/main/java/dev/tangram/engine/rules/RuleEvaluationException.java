package dev.tangram.engine.rules;

import org.jspecify.annotations.Nullable;

/**
 * Why a rule or formula could not be compiled or evaluated. {@link #code()} carries the machine meaning,
 * {@link #ruleName()} names the rule (e.g. the formula field key), and {@link #line()}/{@link #column()}
 * point into the rule's own source (1-based; 0 when unknown).
 */
public final class RuleEvaluationException extends RuntimeException {

    /** What went wrong, for callers that react differently (e.g. show SYNTAX at save time, log TIMEOUT). */
    public enum Code {
        /** The source does not parse. */
        SYNTAX,
        /** The source is longer than {@link SandboxLimits#maxSourceLength()}. */
        SOURCE_TOO_LONG,
        /** The evaluation ran longer than {@link SandboxLimits#timeout()}. */
        TIMEOUT,
        /** The evaluation executed more than {@link SandboxLimits#statementLimit()} statements. */
        STATEMENT_LIMIT,
        /** The script threw, or returned a value that cannot be delivered. */
        RUNTIME,
        /** The script tried to reach the host: Java classes, files, modules, the polyglot API. */
        HOST_ACCESS_DENIED,
        /** The evaluation exceeded its allocation budget, a string/array size limit, or the stack. */
        MEMORY,
        /** Formula fields depend on each other in a cycle. */
        CYCLE
    }

    private final Code code;
    private final String ruleName;
    private final int line;
    private final int column;
    private final String detail;

    public RuleEvaluationException(Code code, String ruleName, int line, int column, String message,
            @Nullable Throwable cause) {
        super("Rule '" + ruleName + "' " + location(line, column) + code + ": " + message, cause);
        this.code = code;
        this.ruleName = ruleName;
        this.line = line;
        this.column = column;
        this.detail = message;
    }

    public RuleEvaluationException(Code code, String ruleName, String message) {
        this(code, ruleName, 0, 0, message, null);
    }

    private static String location(int line, int column) {
        return line > 0 ? "(line " + line + ", column " + column + ") " : "";
    }

    /** The cause in the script's own words, without the rule name and position, e.g. for a field error. */
    public String detail() {
        return detail;
    }

    public Code code() {
        return code;
    }

    public String ruleName() {
        return ruleName;
    }

    /** 1-based line in the rule's source, or 0 when the failure has no source position. */
    public int line() {
        return line;
    }

    /** 1-based column in the rule's source, or 0 when the failure has no source position. */
    public int column() {
        return column;
    }
}
