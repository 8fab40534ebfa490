package dev.tangram.plugins.mrp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tangram.plugins.mrp.internal.PlanningRun;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How planning time grows with the number of items (52 weekly buckets, BOMs five levels deep).
 * Run with {@code ./tangram mvn -B -q -Pbench -pl plugins/mrp -am test}; excluded from normal runs.
 * Prints the median of several timed runs after warm-up, and the growth factor per doubling of
 * items ({@code (t2/t1)^(1/log2(n2/n1))}); linear growth is 2.0, the target at most 2.3.
 */
@Tag("bench")
class MrpScalingBenchmark {

  private static final int[] SIZES = {1_000, 10_000, 100_000};
  private static final int PERIODS = 52;
  private static final int WARM_UP_RUNS = 3;
  private static final long WARM_UP_NANOS = 3_000_000_000L;
  private static final int TIMED_RUNS = 5;

  @Test
  void planningTimeGrowsLinearlyWithItems() {
    List<double[]> rows = new ArrayList<>();
    for (int size : SIZES) {
      PlanningInput input = SyntheticPlanningData.generate(size, PERIODS, 42);
      int orders = 0;
      // small sizes finish in milliseconds: keep warming until the JIT has had a few seconds
      long warmUpStart = System.nanoTime();
      for (int i = 0; i < WARM_UP_RUNS || System.nanoTime() - warmUpStart < WARM_UP_NANOS; i++) {
        orders = PlanningRun.plan(input).plannedOrders().size();
      }
      double[] millis = new double[TIMED_RUNS];
      for (int i = 0; i < TIMED_RUNS; i++) {
        System.gc(); // start each timed run without the previous run's garbage
        long start = System.nanoTime();
        PlanningRun.plan(input);
        millis[i] = (System.nanoTime() - start) / 1e6;
      }
      java.util.Arrays.sort(millis);
      rows.add(new double[] {size, input.boms().size(), orders, millis[TIMED_RUNS / 2], millis[0], millis[TIMED_RUNS - 1]});
    }
    System.out.println(table(rows));
    for (int r = 1; r < rows.size(); r++) {
      assertThat(perDoubling(rows.get(r - 1), rows.get(r))).as("growth per doubling of items").isLessThan(2.3);
    }
  }

  private static String table(List<double[]> rows) {
    StringBuilder out = new StringBuilder(String.format(
        "%nMRP scaling (%d weekly buckets, 5 BOM levels, median of %d runs after >= %d warm-ups and >= 3 s, %s)%n",
        PERIODS, TIMED_RUNS, WARM_UP_RUNS, Runtime.version()));
    out.append(String.format("%9s %9s %15s %12s %10s %10s %16s%n",
        "items", "boms", "plannedOrders", "median ms", "min ms", "max ms", "x per doubling"));
    for (int r = 0; r < rows.size(); r++) {
      double[] row = rows.get(r);
      String growth = r == 0 ? "-" : String.format("%.2f", perDoubling(rows.get(r - 1), row));
      out.append(String.format("%9.0f %9.0f %15.0f %12.1f %10.1f %10.1f %16s%n",
          row[0], row[1], row[2], row[3], row[4], row[5], growth));
    }
    return out.toString();
  }

  private static double perDoubling(double[] smaller, double[] larger) {
    double doublings = Math.log(larger[0] / smaller[0]) / Math.log(2);
    return Math.pow(larger[3] / smaller[3], 1 / doublings);
  }
}
