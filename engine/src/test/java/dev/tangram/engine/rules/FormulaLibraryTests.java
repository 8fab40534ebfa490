package dev.tangram.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tangram.engine.rules.RuleEvaluationException.Code;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every function of the Excel-like formula library, with the examples of docs/formulas.md. */
class FormulaLibraryTests {

    private static ScriptSandbox sandbox;

    @BeforeAll
    static void start() {
        // Generous timeout: these tests are about results, not limits, and must not flake on a busy machine.
        sandbox = ScriptSandbox.create(SandboxLimits.defaults().withTimeout(java.time.Duration.ofSeconds(5)));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static Object eval(String expression) {
        return eval(expression, Map.of());
    }

    private static Object eval(String expression, Map<String, ?> fields) {
        RuleScript script = sandbox.compile("f", RuleScript.Kind.EXPRESSION, expression, List.copyOf(fields.keySet()));
        return sandbox.evaluate(script, fields);
    }

    private static RuleEvaluationException failure(String expression) {
        try {
            throw new AssertionError("expected an error, got " + eval(expression));
        } catch (RuleEvaluationException e) {
            return e;
        }
    }

    @Test
    void sumAddsNumbersArraysAndSubformColumns() {
        assertThat(eval("SUM(1, 2, 3)")).isEqualTo(6.0);
        assertThat(eval("SUM([1, 2], [3, [4]])")).isEqualTo(10.0);
        assertThat(eval("SUM(1, 'x', null, true)")).isEqualTo(1.0);
        List<Map<String, Object>> lines = List.of(Map.of("sum", 1.5), Map.of("sum", 2.5), Map.of("qty", 1));
        assertThat(eval("SUM(lines.sum)", Map.of("lines", lines))).isEqualTo(4.0);
        assertThat(eval("SUM(lines.sum)", Map.of("lines", List.of()))).isEqualTo(0.0);
    }

    @Test
    void averageMinMaxAndCountConsiderNumbersOnly() {
        assertThat(eval("AVERAGE(2, 4, 'x')")).isEqualTo(3.0);
        assertThat(failure("AVERAGE()").detail()).contains("#DIV/0!");
        assertThat(eval("MIN(3, [1, 2])")).isEqualTo(1.0);
        assertThat(eval("MAX(3, [1, 7])")).isEqualTo(7.0);
        assertThat(eval("MIN()")).isEqualTo(0.0);
        assertThat(eval("COUNT(1, 'a', null, 2, [3])")).isEqualTo(3.0);
    }

    @Test
    void ifAndIfsChooseAValue() {
        assertThat(eval("IF(amount > 5000, 'gm', 'manager')", Map.of("amount", 6000))).isEqualTo("gm");
        assertThat(eval("IF(false, 'a')")).isEqualTo(false);
        assertThat(eval("IFS(score >= 90, 'A', score >= 60, 'B', true, 'C')", Map.of("score", 75))).isEqualTo("B");
        assertThat(failure("IFS(false, 1)").detail()).contains("#N/A");
    }

    @Test
    void logicalFunctionsUseTruthiness() {
        assertThat(eval("AND(true, 1, 'x')")).isEqualTo(true);
        assertThat(eval("AND(true, 0)")).isEqualTo(false);
        assertThat(eval("OR(false, 0, [1])")).isEqualTo(true);
        assertThat(eval("NOT(true)")).isEqualTo(false);
    }

    @ParameterizedTest
    @CsvSource({
            "'ROUND(2.345, 2)', 2.35", "'ROUND(1.005, 2)', 1.01", "'ROUND(-2.5)', -3", "'ROUND(1234.5, -2)', 1200",
            "'ROUNDUP(0.1 + 0.2, 1)', 0.3", "'ROUNDUP(3.201, 2)', 3.21", "'ROUNDUP(-3.201, 2)', -3.21",
            "'ROUNDDOWN(3.999, 2)', 3.99", "'ROUNDDOWN(-3.999, 0)', -3", "'ABS(-2.5)', 2.5"})
    void roundingFollowsExcel(String expression, double expected) {
        assertThat(eval(expression)).isEqualTo(expected);
    }

    @Test
    void todayAndNowAreLocalIsoStrings() {
        LocalDate before = LocalDate.now();
        Object today = eval("TODAY()");
        assertThat(today).isIn(before.toString(), LocalDate.now().toString());
        assertThat((String) eval("NOW()")).hasSize(19).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
    }

    @Test
    void dateBuildsAndNormalisesIsoDates() {
        assertThat(eval("DATE(2024, 2, 30)")).isEqualTo("2024-03-01");
        assertThat(eval("DATE(2024, 13, 1)")).isEqualTo("2025-01-01");
    }

    @Test
    void datePartsAndDifferences() {
        assertThat(eval("[YEAR(d), MONTH(d), DAY(d)]", Map.of("d", LocalDate.of(2024, 3, 15))))
                .isEqualTo(List.of(2024.0, 3.0, 15.0));
        assertThat(eval("DAYS('2024-03-01', '2024-02-01')")).isEqualTo(29.0);
        assertThat(failure("YEAR('15.03.2024')").detail()).contains("#VALUE!");
    }

    @ParameterizedTest
    @CsvSource({"Y, 4", "M, 49", "D, 1516", "MD, 24", "YM, 1", "YD, 55"})
    void datedifCountsCompleteUnits(String unit, double expected) {
        assertThat(eval("DATEDIF('2020-01-15', '2024-03-10', '" + unit + "')")).isEqualTo(expected);
    }

    @Test
    void datedifRefusesAStartAfterTheEnd() {
        assertThat(failure("DATEDIF('2024-01-02', '2024-01-01', 'D')").detail()).contains("#NUM!");
    }

    @Test
    void concatJoinsTextOfEveryValue() {
        assertThat(eval("CONCAT('a', 1, null, true, ['x', 'y'])")).isEqualTo("a1TRUExy");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "TEXT(1234.567, '#,##0.00')|1,234.57", "TEXT(-1234.5, '#,##0')|-1,235", "TEXT(0.256, '0.0%')|25.6%",
            "TEXT(1234.5, '¥#,##0.00')|¥1,234.50", "TEXT(2.5, '0')|3",
            "TEXT('2024-03-05', 'dd/mm/yyyy')|05/03/2024", "TEXT('2024-03-05', 'yyyy年m月d日')|2024年3月5日",
            "TEXT('2024-03-05T14:07:09', 'yyyy-mm-dd hh:mm:ss')|2024-03-05 14:07:09", "TEXT('abc', '0.00')|abc"})
    void textFormatsNumbersAndDates(String expression, String expected) {
        assertThat(eval(expression)).isEqualTo(expected);
    }

    @Test
    void textFunctionsCutAndCase() {
        assertThat(eval("LEFT('Tangram', 3)")).isEqualTo("Tan");
        assertThat(eval("LEFT('abc')")).isEqualTo("a");
        assertThat(eval("RIGHT('Tangram', 4)")).isEqualTo("gram");
        assertThat(eval("RIGHT('abc', 0)")).isEqualTo("");
        assertThat(eval("MID('Tangram', 2, 3)")).isEqualTo("ang");
        assertThat(eval("LEN('héllo')")).isEqualTo(5.0);
        assertThat(eval("UPPER('abc') + LOWER('DEF')")).isEqualTo("ABCdef");
        assertThat(eval("TRIM('  a   b  ')")).isEqualTo("a b");
    }

    @Test
    void isEmptyIsTrueForNullBlankAndEmptyList() {
        assertThat(eval("[ISEMPTY(x), ISEMPTY(''), ISEMPTY([]), ISEMPTY(0), ISEMPTY(' ')]",
                java.util.Collections.singletonMap("x", null))).isEqualTo(List.of(true, true, true, false, false));
    }

    @ParameterizedTest
    @CsvSource({
        "0, 零元整", "1, 壹元整", "10, 壹拾元整", "1680.32, 壹仟陆佰捌拾元叁角贰分", "1409.50, 壹仟肆佰零玖元伍角整",
        "6007.14, 陆仟零柒元壹角肆分", "107000.53, 壹拾万柒仟元伍角叁分", "1000.05, 壹仟元零伍分", "100010, 壹拾万零壹拾元整",
        "10000, 壹万元整", "1010000, 壹佰零壹万元整", "100000001, 壹亿零壹元整", "200030000, 贰亿零叁万元整",
        "0.5, 伍角整", "0.05, 伍分", "-12.3, 负壹拾贰元叁角整", "12345.675, 壹万贰仟叁佰肆拾伍元陆角捌分", "1.005, 壹元零壹分",
        "5000, 伍仟元整", "5000.01, 伍仟元零壹分"})
    void rmbUpperWritesAmountsInChineseCapitals(String amount, String expected) {
        assertThat(eval("RMBUPPER(x)", Map.of("x", Double.parseDouble(amount)))).isEqualTo(expected);
    }

    @Test
    void rmbUpperLeavesAnEmptyAmountEmptyAndRefusesText() {
        assertThat(eval("RMBUPPER(null)")).isEqualTo("");
        assertThat(eval("RMBUPPER('12.5')")).isEqualTo("壹拾贰元伍角整");
        assertThat(failure("RMBUPPER('lots')").detail()).contains("#VALUE!");
    }

    @Test
    void libraryFunctionsAreReadOnly() {
        assertThatThrownBy(() -> eval("(SUM = () => 42, SUM(1))"))
                .isInstanceOfSatisfying(RuleEvaluationException.class, e -> assertThat(e.code()).isEqualTo(Code.RUNTIME));
        assertThat(eval("SUM(1, 1)")).isEqualTo(2.0);
    }
}
