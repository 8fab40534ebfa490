package dev.tangram.engine.rules.internal;

import dev.tangram.engine.rules.FormulaType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.graalvm.polyglot.Value;
import org.jspecify.annotations.Nullable;

/**
 * Delivers a formula's script result as the Java value of its field type. Numbers go through their shortest
 * decimal representation ({@link BigDecimal#valueOf(double)}), are cut to 15 significant digits (the precision
 * a double carries reliably), then rounded half-up to the field's scale: the double 0.30000000000000004 becomes
 * exactly 0.30, and 95.55499999999999 (95.555 divided in binary) becomes 95.56.
 */
public final class FormulaResults {

    private static final MathContext SIGNIFICANT = new MathContext(15, RoundingMode.HALF_EVEN);

    private FormulaResults() {
    }

    public static @Nullable Object convert(Value value, FormulaType type, int scale) {
        if (value.isNull()) return null;
        return switch (type) {
            case NUMBER, MONEY -> decimal(value, type, scale);
            case TEXT -> text(value);
            case BOOLEAN -> value.isBoolean() ? value.asBoolean() : truthy(value);
            case DATE -> date(value);
        };
    }

    private static @Nullable BigDecimal decimal(Value value, FormulaType type, int scale) {
        double number;
        if (value.isNumber()) number = value.asDouble();
        else if (value.isString() && value.asString().isBlank()) return null;
        else if (value.isString()) number = parse(value.asString());
        else if (value.isBoolean()) number = value.asBoolean() ? 1 : 0;
        else throw new IllegalArgumentException("#VALUE! a " + describe(value) + " is not a number");
        if (!Double.isFinite(number)) throw new IllegalArgumentException("#NUM! the result is " + number);
        // 15 significant digits first (as Excel does): 95.555 computed as 95.55499999999999 must round to 95.56.
        BigDecimal rounded = BigDecimal.valueOf(number).round(SIGNIFICANT).setScale(scale, RoundingMode.HALF_UP);
        if (type == FormulaType.MONEY) return rounded;
        BigDecimal stripped = rounded.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static double parse(String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("#VALUE! '" + text + "' is not a number");
        }
    }

    private static String text(Value value) {
        if (value.isNumber()) {
            double d = value.asDouble();
            return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : String.valueOf(d);
        }
        return value.isString() ? value.asString() : value.toString();
    }

    private static boolean truthy(Value value) {
        if (value.isNumber()) return value.asDouble() != 0 && !Double.isNaN(value.asDouble());
        if (value.isString()) return !value.asString().isEmpty();
        return true;
    }

    private static LocalDate date(Value value) {
        if (value.isInstant()) return LocalDate.ofInstant(value.asInstant(), ZoneOffset.UTC);
        if (value.isString() && value.asString().length() >= 10) {
            try {
                return LocalDate.parse(value.asString().substring(0, 10));
            } catch (java.time.format.DateTimeParseException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("#VALUE! " + describe(value) + " is not a date (yyyy-MM-dd)");
    }

    private static String describe(Value value) {
        return value.isString() ? "'" + value.asString() + "'" : value.toString();
    }
}
