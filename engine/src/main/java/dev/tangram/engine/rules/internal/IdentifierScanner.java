package dev.tangram.engine.rules.internal;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Finds the free identifiers a formula may reference, conservatively: it skips comments, string literals, the
 * text of template literals (but scans their {@code ${...}} parts) and property names after a dot. Object-literal
 * keys and regular-expression bodies may still be reported; an extra name only adds a harmless dependency.
 */
public final class IdentifierScanner {

    private final String text;
    private final Set<String> found = new LinkedHashSet<>();
    private int pos;

    private IdentifierScanner(String text) {
        this.text = text;
    }

    public static Set<String> identifiers(String expression) {
        IdentifierScanner scanner = new IdentifierScanner(expression);
        scanner.code(false);
        return scanner.found;
    }

    /** Scans code until the end, or until the '}' closing a template substitution when {@code nested}. */
    private void code(boolean nested) {
        int depth = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '/' && peek(1) == '/') skipUntil("\n");
            else if (c == '/' && peek(1) == '*') skipUntil("*/");
            else if (c == '\'' || c == '"') string(c);
            else if (c == '`') template();
            else if (Character.isJavaIdentifierStart(c)) identifier();
            else if (Character.isDigit(c)) number();
            else {
                if (c == '{') depth++;
                if (c == '}' && depth-- == 0 && nested) { pos++; return; }
                pos++;
            }
        }
    }

    private void identifier() {
        int start = pos;
        while (pos < text.length() && Character.isJavaIdentifierPart(text.charAt(pos))) pos++;
        if (!afterDot(start)) found.add(text.substring(start, pos));
    }

    private boolean afterDot(int start) {
        int i = start - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) i--;
        return i >= 0 && text.charAt(i) == '.' && !(i >= 2 && text.startsWith("...", i - 2));
    }

    private void number() {
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.'
                || text.charAt(pos) == '_')) pos++;
    }

    private void string(char quote) {
        pos++;
        while (pos < text.length() && text.charAt(pos) != quote) pos += text.charAt(pos) == '\\' ? 2 : 1;
        pos++;
    }

    private void template() {
        pos++;
        while (pos < text.length() && text.charAt(pos) != '`') {
            if (text.charAt(pos) == '\\') pos += 2;
            else if (text.startsWith("${", pos)) { pos += 2; code(true); }
            else pos++;
        }
        pos++;
    }

    private void skipUntil(String end) {
        int at = text.indexOf(end, pos + 2);
        pos = at < 0 ? text.length() : at + end.length();
    }

    private char peek(int ahead) {
        return pos + ahead < text.length() ? text.charAt(pos + ahead) : '\0';
    }
}
