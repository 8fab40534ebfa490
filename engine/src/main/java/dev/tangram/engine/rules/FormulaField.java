package dev.tangram.engine.rules;

/**
 * A computed field: its key, its formula (a JavaScript expression with field keys in scope and the Excel-like
 * library, e.g. {@code SUM(lines.sum) * (1 + taxRate)}), its type and, for numbers, its scale.
 */
public record FormulaField(String key, String expression, FormulaType type, int scale) {

    public FormulaField {
        if (scale < 0) throw new IllegalArgumentException("Formula field '" + key + "' has a negative scale: " + scale);
    }

    public static FormulaField of(String key, String expression, FormulaType type) {
        return new FormulaField(key, expression, type, type.defaultScale());
    }

    public static FormulaField money(String key, String expression) {
        return of(key, expression, FormulaType.MONEY);
    }

    public static FormulaField number(String key, String expression) {
        return of(key, expression, FormulaType.NUMBER);
    }

    public static FormulaField text(String key, String expression) {
        return of(key, expression, FormulaType.TEXT);
    }

    public static FormulaField date(String key, String expression) {
        return of(key, expression, FormulaType.DATE);
    }

    public static FormulaField bool(String key, String expression) {
        return of(key, expression, FormulaType.BOOLEAN);
    }
}
