package dev.tangram.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tangram.engine.rules.RuleEvaluationException.Code;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScriptSandboxTests {

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

    @Test
    void checkReportsLineAndColumnOfASyntaxError() {
        assertThat(sandbox.check("let x = 1;\nlet y = (2 +;\n")).hasValueSatisfying(problem -> {
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.column()).isEqualTo(13);
            assertThat(problem.message()).contains("Expected an operand but found ;");
        });
        assertThat(sandbox.checkExpression("a +* b")).isPresent();
        assertThat(sandbox.checkExpression("IF(a > 1, 'x', 'y')")).isEmpty();
    }

    @Test
    void checkParsesWithoutExecuting() {
        long started = System.nanoTime();
        assertThat(sandbox.check("while (true) {}")).isEmpty();
        assertThat(sandbox.check("return 1;")).isEmpty();
        assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
    }

    @Test
    void bodyScriptsReturnStructuredResults() {
        RuleScript script = sandbox.compile("route", RuleScript.Kind.BODY,
                "if (amount > 5000) return {approver: 'gm', steps: [1, 2]};\nreturn {approver: 'manager', steps: [1]};",
                List.of("amount"));
        assertThat(sandbox.evaluate(script, Map.of("amount", 6000)))
                .isEqualTo(Map.of("approver", "gm", "steps", List.of(1.0, 2.0)));
        assertThat(sandbox.evaluate(script, Map.of())).isEqualTo(Map.of("approver", "manager", "steps", List.of(1.0)));
    }

    @Test
    void functionsCannotBeReturnedToTheHost() {
        assertThatThrownBy(() -> sandbox.evaluateExpression("fn", "() => 1"))
                .isInstanceOfSatisfying(RuleEvaluationException.class, e -> assertThat(e.code()).isEqualTo(Code.RUNTIME));
    }

    @Test
    void invalidParameterNamesAreRefused() {
        assertThatThrownBy(() -> sandbox.compile("p", RuleScript.Kind.EXPRESSION, "1", List.of("class")))
                .hasMessageContaining("reserved word");
        assertThatThrownBy(() -> sandbox.compile("p", RuleScript.Kind.EXPRESSION, "1", List.of("a-b")))
                .hasMessageContaining("not a JavaScript identifier");
    }

    @Test
    void modeNamesTheTruffleRuntime() {
        assertThat(sandbox.mode()).isIn("Interpreted", "GraalVM CE", "Oracle GraalVM");
    }

    @Test
    void concurrentEvaluationsEachGetTheirOwnResult() throws Exception {
        RuleScript script = sandbox.compile("square", RuleScript.Kind.EXPRESSION, "n * n", List.of("n"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t * 1000;
                results.add(pool.submit(() -> {
                    for (int i = offset; i < offset + 300; i++) {
                        if (!Double.valueOf((double) i * i).equals(sandbox.evaluate(script, Map.of("n", i)))) return false;
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) assertThat(result.get()).isTrue();
        } finally {
            pool.shutdown();
        }
    }
}
