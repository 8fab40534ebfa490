package dev.tangram.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Re-runnable benchmark (not a timed test): a form with 20 formula fields (arithmetic, IF/IFS, SUM over a
 * 50-row subform, dates, text) evaluated warm per record, against the same computation in plain Java with
 * BigDecimal in the same run; plus the first evaluation after start-up, the context strategy (fresh vs pooled)
 * and the Truffle mode. Run: {@code ./tangram mvn -B -q -Pbench -pl engine test
 * -Dtest='dev.tangram.engine.rules.**' -Dsurefire.failIfNoSpecifiedTests=false}. The report goes to stdout and
 * {@code engine/target/bench/formula-benchmark-<mode>.txt}.
 */
@Tag("bench")
class FormulaBenchmark {

    private static final int ROWS = 50;
    private static final int FIELDS = 20;

    private final StringBuilder report = new StringBuilder();

    @Test
    void formulasPerRecordAgainstPlainJava() throws IOException {
        long started = System.nanoTime();
        ScriptSandbox sandbox = ScriptSandbox.create();
        long created = System.nanoTime();
        FormulaPlan plan = plan(new FormulaEngine(sandbox));
        long compiled = System.nanoTime();
        List<Map<String, Object>> records = records(500);
        long evaluating = System.nanoTime();
        Map<String, Object> first = plan.evaluate(records.get(0));
        long done = System.nanoTime();
        line("mode (Engine.getImplementationName)", sandbox.mode());
        line("first evaluation after start-up (sandbox + compile + 1 record)", ms(done - started - (evaluating - compiled)));
        line("  of which: sandbox start (engine, first hardened context)", ms(created - started));
        line("  of which: compiling the 20 formulas (parse only)", ms(compiled - created));
        line("  of which: evaluating the first record", ms(done - evaluating));
        Map<String, Object> second = plan.evaluate(records.get(1));
        line("second record", ms(System.nanoTime() - done));

        for (Map<String, Object> record : records) assertSameAsJava(plan.evaluate(record), JavaForm.compute(record));
        assertSameAsJava(first, JavaForm.compute(records.get(0)));

        int warmup = sandbox.mode().equals("Interpreted") ? 3_000 : 60_000;
        double scriptNs = medianPerRecord(() -> plan.evaluate(records.get(0)), records, warmup, rec -> plan.evaluate(rec));
        double javaNs = medianPerRecord(() -> JavaForm.compute(records.get(0)), records, 30_000, JavaForm::compute);
        line("formulas per record, warm median", us(scriptNs) + " (" + us(scriptNs / FIELDS) + " per field, "
                + us(scriptNs / (FIELDS - 1 + ROWS)) + " per formula call incl. 50 row calls)");
        line("plain Java (BigDecimal) per record, warm median", us(javaNs));
        line("ratio script / plain Java", String.format(Locale.ROOT, "%.1fx (target <= 10x)", scriptNs / javaNs));
        line("per field", us(scriptNs / FIELDS) + " (target <= 50 us)");
        contextStrategy(sandbox);
        sandbox.close();
        write(sandbox.mode());
    }

    /** Fresh context per evaluation (bare, and hardened with the library) against a pooled context. */
    private void contextStrategy(ScriptSandbox pooled) {
        try (Engine engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build()) {
            double bare = medianNs(200, () -> {
                try (Context context = Context.newBuilder("js").engine(engine).build()) {
                    return context.eval("js", "1 + 1").asInt();
                }
            });
            line("fresh bare context + eval on shared engine", us(bare));
        }
        try (ScriptSandbox fresh = ScriptSandbox.create(SandboxLimits.defaults().withMaxPooledContexts(0))) {
            RuleScript script = fresh.compile("x", RuleScript.Kind.EXPRESSION, "a * 2 + 1", List.of("a"));
            double hardened = medianNs(100, () -> fresh.evaluate(script, Map.of("a", 2)));
            line("fresh hardened context (library + frozen realm) per evaluation", us(hardened));
        }
        RuleScript script = pooled.compile("x", RuleScript.Kind.EXPRESSION, "a * 2 + 1", List.of("a"));
        for (int i = 0; i < 20_000; i++) pooled.evaluate(script, Map.of("a", i));
        line("pooled context per evaluation (same script)", us(medianNs(20_000, () -> pooled.evaluate(script, Map.of("a", 2)))));
    }

    private static double medianPerRecord(Runnable warmupCall, List<Map<String, Object>> records, int warmup,
            java.util.function.Function<Map<String, Object>, Object> work) {
        for (int i = 0; i < warmup; i++) work.apply(records.get(i % records.size()));
        double[] batches = new double[31];
        for (int b = 0; b < batches.length; b++) {
            long t = System.nanoTime();
            for (Map<String, Object> record : records) work.apply(record);
            batches[b] = (System.nanoTime() - t) / (double) records.size();
        }
        Arrays.sort(batches);
        return batches[batches.length / 2];
    }

    private static double medianNs(int batchSize, Supplier<Object> work) {
        for (int i = 0; i < batchSize; i++) work.get();
        double[] batches = new double[11];
        for (int b = 0; b < batches.length; b++) {
            long t = System.nanoTime();
            for (int i = 0; i < batchSize; i++) work.get();
            batches[b] = (System.nanoTime() - t) / (double) batchSize;
        }
        Arrays.sort(batches);
        return batches[batches.length / 2];
    }

    static FormulaPlan plan(FormulaEngine engine) {
        FormulaPlan rows = engine.plan(List.of(FormulaField.money("sum", "qty * price")), List.of("qty", "price"));
        return engine.plan(List.of(
                FormulaField.money("subtotal", "SUM(lines.sum)"),
                FormulaField.number("lineCount", "COUNT(lines.qty)"),
                FormulaField.number("totalQty", "SUM(lines.qty)"),
                FormulaField.money("avgPrice", "AVERAGE(lines.price)"),
                FormulaField.money("maxLine", "MAX(lines.sum)"),
                FormulaField.number("discountRate", "IF(subtotal > 10000, 0.05, IF(subtotal > 5000, 0.02, 0))"),
                FormulaField.money("discount", "ROUND(subtotal * discountRate, 2)"),
                FormulaField.money("net", "subtotal - discount"),
                FormulaField.money("tax", "ROUND(net * taxRate, 2)"),
                FormulaField.money("total", "net + tax"),
                FormulaField.money("shipping", "IF(totalQty > 100, 0, 15)"),
                FormulaField.money("grandTotal", "total + shipping"),
                FormulaField.number("days", "DAYS(endDate, startDate)"),
                FormulaField.number("months", "DATEDIF(startDate, endDate, 'M')"),
                FormulaField.date("dueDate", "DATE(YEAR(endDate), MONTH(endDate) + 1, DAY(endDate))"),
                FormulaField.text("priority", "IFS(grandTotal > 20000, 'high', grandTotal > 5000, 'medium', true, 'low')"),
                FormulaField.bool("needsApproval", "OR(grandTotal > 10000, discountRate > 0)"),
                FormulaField.text("code", "CONCAT(UPPER(LEFT(customer, 3)), '-', YEAR(startDate))"),
                FormulaField.money("perDay", "IF(days > 0, ROUND(grandTotal / days, 2), 0)")),
                List.of("lines", "taxRate", "startDate", "endDate", "customer"), Map.of("lines", rows));
    }

    static List<Map<String, Object>> records(int count) {
        Random random = new Random(7);
        List<Map<String, Object>> records = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            List<Map<String, Object>> lines = new ArrayList<>();
            for (int i = 0; i < ROWS; i++) {
                lines.add(Map.of("qty", BigDecimal.valueOf(1 + random.nextInt(5)),
                        "price", BigDecimal.valueOf(random.nextInt(20_000), 2)));
            }
            LocalDate start = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(365));
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("lines", lines);
            record.put("taxRate", new BigDecimal("0.13"));
            record.put("startDate", start);
            record.put("endDate", start.plusDays(random.nextInt(400)));
            record.put("customer", "acme" + r);
            records.add(record);
        }
        return records;
    }

    private static void assertSameAsJava(Map<String, Object> script, Map<String, Object> java) {
        java.forEach((key, value) -> assertThat(script.get(key)).as(key).isEqualTo(value));
        List<?> scriptRows = (List<?>) script.get("lines");
        List<?> javaRows = (List<?>) java.get("lines");
        for (int i = 0; i < javaRows.size(); i++) {
            assertThat(((Map<?, ?>) scriptRows.get(i)).get("sum")).isEqualTo(((Map<?, ?>) javaRows.get(i)).get("sum"));
        }
    }

    /** The same 20 fields written by hand, as a Java developer would: BigDecimal money, java.time dates. */
    static final class JavaForm {
        static Map<String, Object> compute(Map<String, Object> record) {
            Map<String, Object> out = new LinkedHashMap<>(record);
            List<Map<String, Object>> rows = new ArrayList<>();
            BigDecimal subtotal = BigDecimal.ZERO, totalQty = BigDecimal.ZERO, priceSum = BigDecimal.ZERO, maxLine = null;
            for (Object o : (List<?>) record.get("lines")) {
                Map<String, Object> row = new LinkedHashMap<>((Map<String, Object>) o);
                BigDecimal qty = (BigDecimal) row.get("qty"), price = (BigDecimal) row.get("price");
                BigDecimal sum = qty.multiply(price).setScale(2, RoundingMode.HALF_UP);
                row.put("sum", sum);
                rows.add(row);
                subtotal = subtotal.add(sum);
                totalQty = totalQty.add(qty);
                priceSum = priceSum.add(price);
                maxLine = maxLine == null || sum.compareTo(maxLine) > 0 ? sum : maxLine;
            }
            out.put("lines", rows);
            out.put("subtotal", subtotal);
            out.put("lineCount", BigDecimal.valueOf(rows.size()));
            out.put("totalQty", totalQty);
            out.put("avgPrice", priceSum.divide(BigDecimal.valueOf(rows.size()), 2, RoundingMode.HALF_UP));
            out.put("maxLine", maxLine);
            BigDecimal rate = subtotal.compareTo(BigDecimal.valueOf(10_000)) > 0 ? new BigDecimal("0.05")
                    : subtotal.compareTo(BigDecimal.valueOf(5_000)) > 0 ? new BigDecimal("0.02") : BigDecimal.ZERO;
            out.put("discountRate", rate);
            BigDecimal discount = subtotal.multiply(rate).setScale(2, RoundingMode.HALF_UP);
            out.put("discount", discount);
            BigDecimal net = subtotal.subtract(discount);
            out.put("net", net);
            BigDecimal tax = net.multiply((BigDecimal) record.get("taxRate")).setScale(2, RoundingMode.HALF_UP);
            out.put("tax", tax);
            BigDecimal total = net.add(tax);
            out.put("total", total);
            BigDecimal shipping = totalQty.compareTo(BigDecimal.valueOf(100)) > 0 ? new BigDecimal("0.00") : new BigDecimal("15.00");
            out.put("shipping", shipping);
            BigDecimal grand = total.add(shipping);
            out.put("grandTotal", grand);
            LocalDate start = (LocalDate) record.get("startDate"), end = (LocalDate) record.get("endDate");
            long days = ChronoUnit.DAYS.between(start, end);
            out.put("days", BigDecimal.valueOf(days));
            out.put("months", BigDecimal.valueOf(ChronoUnit.MONTHS.between(start, end)));
            out.put("dueDate", end.withDayOfMonth(1).plusMonths(1).plusDays(end.getDayOfMonth() - 1));
            out.put("priority", grand.compareTo(BigDecimal.valueOf(20_000)) > 0 ? "high"
                    : grand.compareTo(BigDecimal.valueOf(5_000)) > 0 ? "medium" : "low");
            out.put("needsApproval", grand.compareTo(BigDecimal.valueOf(10_000)) > 0 || rate.signum() > 0);
            String customer = (String) record.get("customer");
            out.put("code", customer.substring(0, 3).toUpperCase(Locale.ROOT) + "-" + start.getYear());
            out.put("perDay", days > 0 ? grand.divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_UP) : new BigDecimal("0.00"));
            return out;
        }
    }

    private void line(String what, String value) {
        String text = String.format(Locale.ROOT, "%-66s %s%n", what, value);
        System.out.print(text);
        report.append(text);
    }

    private void write(String mode) throws IOException {
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("formula-benchmark-" + mode.replace(' ', '-') + ".txt"), report);
    }

    private static String us(double nanos) {
        return String.format(Locale.ROOT, "%.2f us", nanos / 1_000);
    }

    private static String ms(double nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1_000_000);
    }
}
