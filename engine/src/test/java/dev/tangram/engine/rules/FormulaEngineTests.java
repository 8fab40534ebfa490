package dev.tangram.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tangram.engine.rules.RuleEvaluationException.Code;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FormulaEngineTests {

    private static ScriptSandbox sandbox;
    private static FormulaEngine formulas;

    @BeforeAll
    static void start() {
        // Generous timeout: these tests are about results, not limits, and must not flake on a busy machine.
        sandbox = ScriptSandbox.create(SandboxLimits.defaults().withTimeout(java.time.Duration.ofSeconds(5)));
        formulas = new FormulaEngine(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void addingTwoMoneyFieldsIsExact() {
        Formula sum = formulas.compile(FormulaField.money("total", "a + b"), List.of("a", "b"));
        assertThat(sum.evaluate(Map.of("a", new BigDecimal("0.1"), "b", new BigDecimal("0.2"))))
                .isEqualTo(new BigDecimal("0.30"));
        assertThat(sum.references()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void moneyIsRoundedHalfUpToTheFieldScale() {
        assertThat(formulas.compile(FormulaField.money("m", "2.675"), List.of()).evaluate(Map.of()))
                .isEqualTo(new BigDecimal("2.68"));
        assertThat(formulas.compile(FormulaField.money("m", "-2.675"), List.of()).evaluate(Map.of()))
                .isEqualTo(new BigDecimal("-2.68"));
        assertThat(formulas.compile(new FormulaField("m", "1 / 3", FormulaType.MONEY, 4), List.of()).evaluate(Map.of()))
                .isEqualTo(new BigDecimal("0.3333"));
    }

    @Test
    void numbersDefaultToScaleTenWithoutTrailingZeros() {
        assertThat(formulas.compile(FormulaField.number("n", "10 / 3"), List.of()).evaluate(Map.of()))
                .isEqualTo(new BigDecimal("3.3333333333"));
        assertThat(formulas.compile(FormulaField.number("n", "1 / 4"), List.of()).evaluate(Map.of()))
                .isEqualTo(new BigDecimal("0.25"));
        assertThat(formulas.compile(FormulaField.number("n", "50 * 2"), List.of()).evaluate(Map.of()))
                .isEqualTo(new BigDecimal("100"));
    }

    /** The measurement behind "doubles rounded at the field boundary": 2,000 random invoices, every cent exact. */
    @Test
    void subformTotalsAreExactToTheCentAgainstBigDecimal() {
        FormulaPlan rows = formulas.plan(List.of(FormulaField.money("sum", "qty * price")), List.of("qty", "price"));
        FormulaPlan invoice = formulas.plan(List.of(FormulaField.money("total", "SUM(lines.sum)")),
                List.of("lines"), Map.of("lines", rows));
        Random random = new Random(42);
        for (int record = 0; record < 2_000; record++) {
            List<Map<String, Object>> lines = new ArrayList<>();
            BigDecimal expected = BigDecimal.ZERO;
            for (int i = 0; i < 50; i++) {
                BigDecimal qty = BigDecimal.valueOf(random.nextInt(1_000));
                BigDecimal price = BigDecimal.valueOf(random.nextLong(10_000_000), 2);
                lines.add(Map.of("qty", qty, "price", price));
                expected = expected.add(qty.multiply(price));
            }
            Object total = invoice.evaluate(Map.of("lines", lines)).get("total");
            assertThat(total).as("invoice %d", record).isEqualTo(expected.setScale(2));
        }
    }

    @Test
    void planComputesRowsThenFormulasInDependencyOrder() {
        FormulaPlan rows = formulas.plan(List.of(FormulaField.money("sum", "qty * price")), List.of("qty", "price"));
        FormulaPlan plan = formulas.plan(List.of(
                        FormulaField.money("total", "subtotal + tax"),
                        FormulaField.money("tax", "ROUND(subtotal * rate, 2)"),
                        FormulaField.money("subtotal", "SUM(lines.sum)"),
                        FormulaField.text("label", "CONCAT(customer, ': ', TEXT(total, '#,##0.00'))")),
                List.of("rate", "customer", "lines"), Map.of("lines", rows));
        assertThat(plan.order()).containsExactly("subtotal", "tax", "total", "label");
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("rate", new BigDecimal("0.13"));
        record.put("customer", "ACME");
        record.put("lines", List.of(Map.of("qty", 3, "price", new BigDecimal("19.99")),
                Map.of("qty", 1, "price", new BigDecimal("1000.10"))));
        Map<String, Object> computed = plan.evaluate(record);
        assertThat(computed.get("subtotal")).isEqualTo(new BigDecimal("1060.07"));
        assertThat(computed.get("tax")).isEqualTo(new BigDecimal("137.81"));
        assertThat(computed.get("total")).isEqualTo(new BigDecimal("1197.88"));
        assertThat(computed.get("label")).isEqualTo("ACME: 1,197.88");
        List<Object> sums = ((List<?>) computed.get("lines")).stream().map(row -> (Object) ((Map<?, ?>) row).get("sum")).toList();
        assertThat(sums).containsExactly(new BigDecimal("59.97"), new BigDecimal("1000.10"));
    }

    @Test
    void rowFormulasSeeEarlierRowResultsThenTheRowThenTheRecord() {
        FormulaPlan rows = formulas.plan(List.of(FormulaField.money("net", "qty * price"),
                FormulaField.money("gross", "net * (1 + markup)")), List.of("qty", "price", "markup"));
        FormulaPlan form = formulas.plan(List.of(FormulaField.money("total", "SUM(lines.gross)")),
                List.of("lines", "markup"), Map.of("lines", rows));
        Map<String, Object> computed = form.evaluate(Map.of("markup", new BigDecimal("0.5"), "lines", List.of(
                Map.of("qty", 3, "price", new BigDecimal("0.1")), Map.of("qty", 1, "price", new BigDecimal("1.01"), "markup", 0))));
        List<?> lines = (List<?>) computed.get("lines");
        assertThat(((Map<?, ?>) lines.get(0)).get("gross")).isEqualTo(new BigDecimal("0.45"));
        assertThat(((Map<?, ?>) lines.get(1)).get("gross")).isEqualTo(new BigDecimal("1.01"));
        assertThat(computed.get("total")).isEqualTo(new BigDecimal("1.46"));
    }

    @Test
    void rowFormulaErrorNamesTheRowFieldAndLine() {
        FormulaPlan rows = formulas.plan(List.of(FormulaField.money("sum", "qty * 2"),
                FormulaField.text("label", "CONCAT(sum,\n  price.toFixed(2))")), List.of("qty", "price"));
        FormulaPlan form = formulas.plan(List.of(), List.of("lines"), Map.of("lines", rows));
        Map<String, Object> row = new java.util.HashMap<>();
        row.put("qty", 1);
        row.put("price", null);
        assertThatThrownBy(() -> form.evaluate(Map.of("lines", List.of(row))))
                .isInstanceOfSatisfying(RuleEvaluationException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.RUNTIME);
                    assertThat(e.ruleName()).isEqualTo("label");
                    assertThat(e.line()).isEqualTo(2);
                });
    }

    @Test
    void cycleIsRefusedNamingIt() {
        assertThatThrownBy(() -> formulas.plan(List.of(FormulaField.number("x", "1"),
                        FormulaField.number("a", "b + 1"), FormulaField.number("b", "a * 2 + x")), List.of()))
                .isInstanceOfSatisfying(RuleEvaluationException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.CYCLE);
                    assertThat(e.detail()).endsWith("a -> b -> a");
                });
        assertThatThrownBy(() -> FormulaDependencies.evaluationOrder(Map.of("c", List.of("c"))))
                .hasMessageContaining("c -> c");
    }

    @Test
    void evaluationOrderKeepsDeclarationOrderForIndependentFormulas() {
        Map<String, List<String>> references = new LinkedHashMap<>();
        references.put("c", List.of("b"));
        references.put("a", List.of("input"));
        references.put("b", List.of("a", "SUM"));
        assertThat(FormulaDependencies.evaluationOrder(references)).containsExactly("a", "b", "c");
    }

    @Test
    void referencesSkipStringsCommentsAndPropertyNames() {
        assertThat(FormulaDependencies.references("IF(status == 'total', lines.total, other) // total"))
                .containsExactly("IF", "status", "lines", "other");
        assertThat(FormulaDependencies.references("`${a} total ${ {k: b}.k }` + /* c */ \"d\" + 1e3"))
                .containsExactly("a", "k", "b");
        assertThat(FormulaDependencies.references("SUM(...rows)")).containsExactly("SUM", "rows");
    }

    @Test
    void syntaxErrorIsReportedAtItsPositionInTheExpression() {
        assertThatThrownBy(() -> formulas.compile(FormulaField.number("n", "qty *\n (price +"), List.of("qty", "price")))
                .isInstanceOfSatisfying(RuleEvaluationException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.SYNTAX);
                    assertThat(e.ruleName()).isEqualTo("n");
                    assertThat(e.line()).isEqualTo(2);
                });
    }

    @Test
    void runtimeErrorNamesTheFieldAndLine() {
        Formula broken = formulas.compile(FormulaField.number("n", "1 +\n  lines.nope.x"), List.of("lines"));
        assertThatThrownBy(() -> broken.evaluate(Map.of("lines", List.of(Map.of("qty", 1)))))
                .isInstanceOfSatisfying(RuleEvaluationException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.RUNTIME);
                    assertThat(e.ruleName()).isEqualTo("n");
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("Rule 'n' (line 2");
                });
    }

    @Test
    void typesOtherThanNumbersAreDelivered() {
        assertThat(formulas.compile(FormulaField.date("due", "DATE(YEAR(start), MONTH(start) + 1, DAY(start))"),
                List.of("start")).evaluate(Map.of("start", LocalDate.of(2024, 1, 31)))).isEqualTo(LocalDate.of(2024, 3, 2));
        assertThat(formulas.compile(FormulaField.bool("big", "amount > 5000"), List.of("amount"))
                .evaluate(Map.of("amount", 6000))).isEqualTo(true);
        assertThat(formulas.compile(FormulaField.text("t", "qty * 2"), List.of("qty"))
                .evaluate(Map.of("qty", new BigDecimal("1.25")))).isEqualTo("2.5");
        assertThat(formulas.compile(FormulaField.number("days", "DAYS(end, start)"), List.of("start", "end"))
                .evaluate(Map.of("start", LocalDate.of(2024, 2, 1), "end", LocalDate.of(2024, 3, 1))))
                .isEqualTo(new BigDecimal("29"));
    }

    @Test
    void notANumberForANumberFieldIsARuntimeError() {
        Formula text = formulas.compile(FormulaField.number("n", "'abc'"), List.of());
        assertThatThrownBy(() -> text.evaluate(Map.of()))
                .isInstanceOfSatisfying(RuleEvaluationException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.RUNTIME);
                    assertThat(e.detail()).contains("#VALUE!");
                });
        assertThatThrownBy(() -> formulas.compile(FormulaField.number("n", "1 / 0"), List.of()).evaluate(Map.of()))
                .hasMessageContaining("#NUM!");
    }
}
