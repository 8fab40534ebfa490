package dev.tangram.plugins.ledger;

import dev.tangram.plugins.ledger.internal.LedgerBook;
import dev.tangram.plugins.ledger.internal.LedgerBooks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Vouchers posted per second through the in-memory core (receipt, delivery with COGS, invoice,
 * receipt of cash, in rotation; every posting validated and the invariants checked). Run with
 * {@code ./tangram mvn -B -q -Pbench -pl plugins/ledger -am test}; prints its figures.
 */
@Tag("bench")
class LedgerPostingBenchmark {

  private static final int WARM_UP = 20_000;
  private static final int MEASURED = 100_000;

  @Test
  void vouchersPostedPerSecond() {
    for (String variant : List.of("movingAverage", "fifo")) {
      run(variant, events(WARM_UP));
      List<LedgerEvent> events = events(MEASURED);
      long start = System.nanoTime();
      int vouchers = run(variant, events);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("ledger %s: %,d vouchers in %.2f s = %,.0f vouchers/s%n", variant, vouchers, seconds, vouchers / seconds);
    }
  }

  private static int run(String variant, List<LedgerEvent> events) {
    LedgerBook book = LedgerBooks.open(LedgerScenario.books().input().withSettings(LedgerSettings.defaults().withVariant(variant)));
    int posted = 0;
    for (LedgerEvent event : events) posted += book.post(event).newVoucherIds().size();
    return posted;
  }

  private static List<LedgerEvent> events(int documents) {
    List<LedgerEvent> events = new ArrayList<>();
    LocalDate date = LocalDate.of(2025, 1, 1);
    for (int i = 0; i < documents; i++) {
      String day = date.plusDays(i / 4000).toString();
      String item = "G" + (i % 50);
      String json = switch (i % 4) {
        case 0 -> LedgerScenario.receipt("GR" + i, day, item, 10, "12.34");
        case 1 -> LedgerScenario.delivery("DN" + i, day, "G" + ((i - 1) % 50), 3);
        case 2 -> LedgerScenario.invoice("SI" + i, day, "45.67");
        default -> """
            {"date": "%s", "doc": "customerReceipt", "no": "RC%d", "customer": "C1", "amount": 51.61}""".formatted(day, i);
      };
      events.add(LedgerCaseFiles.MAPPER.readValue(json, LedgerEvent.class));
    }
    return events;
  }
}
