package dev.tangram.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tangram.engine.rules.RuleEvaluationException.Code;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The catalogue of hostile scripts: each is contained with the expected code, the host is unharmed, and the
 * next evaluation on the same sandbox still returns a correct result.
 */
class SandboxHostileScriptsTests {

    private static ScriptSandbox sandbox;

    @BeforeAll
    static void start() {
        // A generous timeout keeps slow CI machines from turning statement-limit cases into timeouts.
        sandbox = ScriptSandbox.create(SandboxLimits.defaults().withTimeout(Duration.ofSeconds(2)));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @AfterEach
    void nextEvaluationStillWorks() {
        RuleScript next = sandbox.compile("next", RuleScript.Kind.EXPRESSION, "SUM(a, 2) * 2", List.of("a"));
        assertThat(sandbox.evaluate(next, Map.of("a", 1))).isEqualTo(6.0);
    }

    private static RuleEvaluationException failure(String body) {
        RuleScript script = sandbox.compile("hostile", RuleScript.Kind.BODY, body, List.of());
        try {
            Object result = sandbox.evaluate(script, Map.of());
            throw new AssertionError("expected the sandbox to refuse, but it returned " + result);
        } catch (RuleEvaluationException e) {
            assertThat(e.ruleName()).isEqualTo("hostile");
            return e;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "return Java.type('java.lang.System').exit(1);",
            "return Packages.java.lang.System.exit(1);",
            "return java.lang.Runtime.getRuntime();",
            "return Polyglot.eval('js', '1');",
            "return Graal.versionGraalVM;",
            "load('/etc/passwd'); return 1;",
            "return eval(\"Java.type('java.lang.System')\");",
            "return Function('return Java')();",
            "return print('x');",
            "return quit();"})
    void hostReachingScriptsAreDenied(String body) {
        assertThat(failure(body).code()).isEqualTo(Code.HOST_ACCESS_DENIED);
    }

    @Test
    void globalsExposeNothingFromTheHost() {
        Object names = sandbox.evaluateExpression("globals", "Object.getOwnPropertyNames(globalThis).join(',')");
        assertThat(names.toString().split(",")).doesNotContain("Java", "Packages", "java", "Graal", "Polyglot",
                "load", "print", "console", "ArrayBuffer", "SharedArrayBuffer", "WeakRef");
    }

    @Test
    void dynamicImportCannotReachFilesOrModules() {
        RuleEvaluationException e = failure("return import('fs');");
        assertThat(e.code()).isEqualTo(Code.RUNTIME);
        assertThat(e.detail()).contains("Promise");
    }

    @Test
    void infiniteLoopStopsAtTheStatementLimit() {
        RuleEvaluationException e = failure("while (true) {}");
        assertThat(e.code()).isEqualTo(Code.STATEMENT_LIMIT);
        assertThat(e.line()).isEqualTo(1);
    }

    @Test
    void infiniteLoopWithoutStatementsStopsAtTheTimeout() {
        try (ScriptSandbox strict = ScriptSandbox.create(SandboxLimits.defaults()
                .withStatementLimit(Long.MAX_VALUE).withTimeout(Duration.ofMillis(100)))) {
            RuleScript loop = strict.compile("spin", RuleScript.Kind.BODY, "for (;;) {}", List.of());
            long started = System.nanoTime();
            assertThatThrownBy(() -> strict.evaluate(loop, Map.of()))
                    .isInstanceOfSatisfying(RuleEvaluationException.class, e -> assertThat(e.code()).isEqualTo(Code.TIMEOUT));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(strict.evaluateExpression("after", "1 + 1")).isEqualTo(2.0);
        }
    }

    @Test
    void deepRecursionIsStopped() {
        RuleEvaluationException e = failure("function f(n) { return f(n + 1) + 1; } return f(0);");
        assertThat(e.code()).isIn(Code.MEMORY, Code.STATEMENT_LIMIT);
    }

    @Test
    void hugeArrayAllocationIsRefused() {
        assertThat(failure("return new Array(1e9).fill(0).length;").code()).isEqualTo(Code.MEMORY);
    }

    @Test
    void stringDoublingIsStopped() {
        RuleEvaluationException e = failure("let s = 'x'; while (true) s = s + s; return s;");
        assertThat(e.code()).isIn(Code.MEMORY, Code.STATEMENT_LIMIT);
    }

    @Test
    void singleHugeStringAllocationIsRefusedBeforeItHappens() {
        assertThat(failure("return 'x'.repeat(2 ** 29).length;").code()).isEqualTo(Code.MEMORY);
        assertThat(failure("return 'x'.padEnd(5e8, 'y').length;").code()).isEqualTo(Code.MEMORY);
    }

    @Test
    void veryLongResultStringIsRefused() {
        RuleEvaluationException e = failure("let s = 'x'.repeat(1000); let t = ''; for (let i = 0; i < 2000; i++) t += s; return t;");
        assertThat(e.code()).isEqualTo(Code.MEMORY);
    }

    @Test
    void allocationBudgetStopsGrowthThatNoSizeGuardSees() {
        try (ScriptSandbox small = ScriptSandbox.create(SandboxLimits.defaults()
                .withStatementLimit(Long.MAX_VALUE).withTimeout(Duration.ofSeconds(20))
                .withAllocationBudgetBytes(16L << 20))) {
            RuleScript grow = small.compile("grow", RuleScript.Kind.BODY,
                    "const rows = []; for (;;) rows.push({ n: rows.length, s: 'row ' + rows.length });", List.of());
            assertThatThrownBy(() -> small.evaluate(grow, Map.of()))
                    .isInstanceOfSatisfying(RuleEvaluationException.class, e -> assertThat(e.code()).isEqualTo(Code.MEMORY));
            assertThat(small.evaluateExpression("after", "[1, 2].length")).isEqualTo(2.0);
        }
    }

    @Test
    void prototypePollutionDoesNotReachTheNextEvaluation() {
        assertThat(failure("Object.prototype.polluted = 1; return 1;").code()).isEqualTo(Code.RUNTIME);
        assertThat(failure("Array.prototype.map = () => 'hacked'; return 1;").code()).isEqualTo(Code.RUNTIME);
        assertThat(sandbox.evaluateExpression("probe", "[({}).polluted, [1].map(x => x + 1)[0]]"))
                .isEqualTo(java.util.Arrays.asList(null, 2.0));
    }

    @Test
    void globalsSetByOneEvaluationAreInvisibleToTheNext() {
        assertThat(failure("globalThis.secret = 'pin-1234'; return 1;").code()).isEqualTo(Code.RUNTIME);
        assertThat(failure("secret = 'pin-1234'; return 1;").code()).isEqualTo(Code.RUNTIME);
        for (int i = 0; i < 5; i++) {
            assertThat(sandbox.evaluateExpression("reader", "typeof secret + ':' + typeof globalThis.secret"))
                    .isEqualTo("undefined:undefined");
        }
    }

    @Test
    void regexpMatchesDoNotLeakThroughLegacyStatics() {
        sandbox.evaluateExpression("matcher", "/(pin-\\d+)/.exec('my pin-1234') !== null");
        assertThat(sandbox.evaluateExpression("reader", "typeof RegExp.$1 + ':' + typeof RegExp.lastMatch"))
                .isEqualTo("undefined:undefined");
    }

    @Test
    void consoleFloodReachesNothing() {
        assertThat(failure("for (let i = 0; i < 1e6; i++) console.log('flood ' + i); return 1;").code())
                .isEqualTo(Code.HOST_ACCESS_DENIED);
    }

    @Test
    void overlongSourceIsRefusedBeforeParsing() {
        String huge = "1+".repeat(40_000) + "1";
        assertThatThrownBy(() -> sandbox.compile("long", RuleScript.Kind.EXPRESSION, huge, List.of()))
                .isInstanceOfSatisfying(RuleEvaluationException.class,
                        e -> assertThat(e.code()).isEqualTo(Code.SOURCE_TOO_LONG));
    }

    @Test
    void contextThatHitALimitIsDiscardedNotReused() {
        int before = sandbox.contextsOpened();
        failure("while (true) {}");
        sandbox.evaluateExpression("after", "1");
        assertThat(sandbox.contextsOpened()).isGreaterThan(before);
    }
}
