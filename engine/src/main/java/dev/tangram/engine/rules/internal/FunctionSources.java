package dev.tangram.engine.rules.internal;

import dev.tangram.engine.rules.RuleScript;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns a rule's text into the source of one function of its parameters. The prefix is exactly one line, so a
 * position reported by the parser maps back to the author's text by subtracting one line. The wrapper is not a
 * security boundary (text may close the function early); the sandbox is, and it applies to all code alike.
 */
public final class FunctionSources {

    /** Lines the wrapper adds before the author's first line. */
    public static final int PREFIX_LINES = 1;

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Set<String> RESERVED = Set.of("break", "case", "catch", "class", "const", "continue",
            "debugger", "default", "delete", "do", "else", "enum", "export", "extends", "false", "finally", "for",
            "function", "if", "import", "in", "instanceof", "new", "null", "return", "super", "switch", "this",
            "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield", "let", "static",
            "implements", "interface", "package", "private", "protected", "public", "await", "arguments", "eval");

    private FunctionSources() {
    }

    public static String wrap(RuleScript.Kind kind, List<String> parameters, String text) {
        String head = "(function(" + String.join(",", parameters) + "){'use strict';return __tangramResult(";
        return switch (kind) {
            case EXPRESSION -> head + "(\n" + text + "\n));})";
            case BODY -> head + "(()=>{\n" + text + "\n})());})";
        };
    }

    /** Why {@code name} cannot be a parameter, or {@code null} when it can. */
    public static @Nullable String invalidParameter(String name) {
        if (!IDENTIFIER.matcher(name).matches()) return "'" + name + "' is not a JavaScript identifier";
        if (RESERVED.contains(name)) return "'" + name + "' is a reserved word in JavaScript";
        return null;
    }

    /** Maps a 1-based line of the wrapped source to the author's text (clamped into it). */
    public static int authorLine(int wrappedLine, String text) {
        int lines = (int) text.chars().filter(c -> c == '\n').count() + 1;
        return Math.max(1, Math.min(lines, wrappedLine - PREFIX_LINES));
    }
}
