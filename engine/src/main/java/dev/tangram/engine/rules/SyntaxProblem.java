package dev.tangram.engine.rules;

/**
 * A syntax error found by {@link ScriptSandbox#check(String)} without running the script.
 *
 * @param line    1-based line in the checked source
 * @param column  1-based column in the checked source
 * @param message the parser's message, e.g. {@code Expected an operand but found ;}
 */
public record SyntaxProblem(int line, int column, String message) {
}
