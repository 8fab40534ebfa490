package dev.tangram.plugins.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tangram.plugins.ledger.internal.LedgerBook;
import dev.tangram.plugins.ledger.internal.LedgerBooks;
import dev.tangram.plugins.ledger.internal.LedgerReports;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random sequences of receipts, deliveries, invoices, payments, cancellations and period closes,
 * seeded: whatever is accepted or refused, the books keep every invariant. The book itself checks
 * them after each operation (a breach throws IllegalStateException); this test also checks them
 * from outside through the reports.
 */
class LedgerInvariantsTests {

  private static final String[] ITEMS = {"G1", "G2", "G3"};

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"movingAverage", "fifo", "swap", "redInk", "global"})
  void randomSequencesKeepEveryInvariant(String variant) {
    for (int seed = 0; seed < 80; seed++) {
      runSequence(new Random(seed * 31L + variant.hashCode()), variant);
    }
  }

  private void runSequence(Random random, String variant) {
    LedgerSettings settings = LedgerSettings.defaults().withVariant(variant);
    LedgerBook book = LedgerBooks.open(LedgerScenario.books().settings("{}").input().withSettings(settings));
    LocalDate date = LocalDate.of(2025, 1, 2);
    List<String> posted = new ArrayList<>();
    for (int step = 0; step < 40; step++) {
      date = date.plusDays(random.nextInt(3));
      String no = "D" + step;
      try {
        switch (random.nextInt(7)) {
          case 0, 1 -> book.post(event(LedgerScenario.receipt(no, date.toString(), item(random), 1 + random.nextInt(20),
              BigDecimal.valueOf(100 + random.nextInt(2000), 2).toPlainString())));
          case 2 -> book.post(event(LedgerScenario.delivery(no, date.toString(), item(random), 1 + random.nextInt(15))));
          case 3 -> book.post(event(LedgerScenario.invoice(no, date.toString(), BigDecimal.valueOf(1 + random.nextInt(99999), 2).toPlainString())));
          case 4 -> book.post(event("""
              {"date": "%s", "doc": "payment", "no": "%s", "supplier": "S1", "amount": %d}""".formatted(date, no, 1 + random.nextInt(500))));
          case 5 -> { if (!posted.isEmpty()) book.cancel(posted.get(random.nextInt(posted.size())), date); }
          default -> { if (random.nextInt(4) == 0) book.closePeriod(YearMonth.from(date).minusMonths(1)); }
        }
        posted.add(no);
      } catch (LedgerRefusedException refused) {
        // Refusals are part of the game; the invariants below must hold either way.
      }
      assertInvariants(book);
    }
  }

  private static void assertInvariants(LedgerBook book) {
    var rows = LedgerReports.trialBalance(book);
    BigDecimal sum = rows.stream().filter(r -> r.account().length() == 4).map(LedgerReports.TrialBalanceRow::closing)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(sum).as("trial balance nets to zero").isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(LedgerReports.voucherTotals(book)).allSatisfy(v -> assertThat(v.totalDebit()).isEqualByComparingTo(v.totalCredit()));
    BigDecimal stockValue = LedgerReports.stockValue(book);
    BigDecimal stockAccount = rows.stream().filter(r -> r.account().equals("1405")).map(LedgerReports.TrialBalanceRow::closing)
        .findFirst().orElse(BigDecimal.ZERO);
    assertThat(stockAccount).as("1405 equals the stock ledger").isEqualByComparingTo(stockValue);
  }

  private static String item(Random random) {
    return ITEMS[random.nextInt(ITEMS.length)];
  }

  private static LedgerEvent event(String json) {
    return LedgerCaseFiles.MAPPER.readValue(json, LedgerEvent.class);
  }
}
