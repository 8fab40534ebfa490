package dev.tangram.engine.rules;

/**
 * What a formula field holds, which decides how a script result is delivered to Java. Numbers are computed as
 * JavaScript doubles and delivered as {@link java.math.BigDecimal} rounded half-up to the field's scale, which
 * makes {@code 0.1 + 0.2} exactly {@code 0.30} for money and sums exact to the cent (see docs/formulas.md).
 */
public enum FormulaType {
    /** A decimal number; default scale 10, trailing zeros stripped. */
    NUMBER(10),
    /** An amount of money; scale 2, kept (so 3 is {@code 3.00}). */
    MONEY(2),
    /** A string; numbers are written in plain decimal notation. */
    TEXT(0),
    /** A boolean; numbers and strings by JavaScript truthiness. */
    BOOLEAN(0),
    /** A {@link java.time.LocalDate} from an ISO string {@code yyyy-MM-dd} (or a JavaScript Date, in UTC). */
    DATE(0);

    private final int defaultScale;

    FormulaType(int defaultScale) {
        this.defaultScale = defaultScale;
    }

    public int defaultScale() {
        return defaultScale;
    }
}
