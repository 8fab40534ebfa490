package dev.tangram.plugins.ledger.internal;

import static dev.tangram.plugins.ledger.internal.LedgerTestBooks.delivery;
import static dev.tangram.plugins.ledger.internal.LedgerTestBooks.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tangram.plugins.ledger.LedgerSettings;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Conventions the shared cases do not exercise, worked by hand: FIFO layers carried across
 * periods (and a period close) against moving average, cent rounding of issues that do not divide
 * evenly, and swap against red-ink reversal (same balances, different turnover).
 */
class LedgerConventionTests {

  private static BigDecimal cogsOf(LedgerBook book, String document) {
    return book.journal().ofDocument(document).getFirst().lines().stream()
        .filter(l -> l.account().equals("5401")).map(VoucherLine::debit).findFirst().orElseThrow();
  }

  private static void receive(LedgerBook book, String no, String date, int qty, String amount) {
    book.post(event("""
        {"date": "%s", "doc": "goodsReceipt", "no": "%s", "supplier": "S1",
         "lines": [{"item": "G1", "qty": %d, "amount": %s}]}""".formatted(date, no, qty, amount)));
  }

  /**
   * Receipts 3 for 10.00 (January) and 2 for 7.00 (February); January closed in between. Issue 4:
   * FIFO = 10.00 (the January layer whole) + round(1 × 7.00 / 2) = 3.50 → 13.50; moving average =
   * round(4 × 17.00 / 5) = 13.60. The last unit leaves with what is left: 3.50 / 3.40.
   */
  @Test
  void fifoLayersSurvivePeriodsAndCloseWhileMovingAverageBlends() {
    for (var variant : List.of("fifo", "movingAverage")) {
      LedgerBook book = LedgerTestBooks.open(LedgerSettings.defaults().withVariant(variant));
      receive(book, "R1", "2025-01-10", 3, "10.00");
      book.closePeriod(YearMonth.of(2025, 1));
      receive(book, "R2", "2025-02-05", 2, "7.00");
      book.post(delivery("D1", "2025-02-10", "G1", 4));
      book.post(delivery("D2", "2025-03-01", "G1", 1));

      boolean fifo = variant.equals("fifo");
      assertThat(cogsOf(book, "D1")).as(variant).isEqualByComparingTo(fifo ? "13.50" : "13.60");
      assertThat(cogsOf(book, "D2")).as(variant).isEqualByComparingTo(fifo ? "3.50" : "3.40");
      StockPosition position = book.stock().positions().get(new StockKey("G1", "main"));
      assertThat(position.qty()).isZero();
      assertThat(position.value()).as("nothing left at zero quantity").isZero();
      assertThat(book.journal().balances().of("1405")).isZero();
    }
  }

  /** 3 for 10.00 issued one at a time: 3.33, then round(6.67 / 2) = 3.335 → 3.34 (HALF_UP), then 3.33. */
  @Test
  void movingAverageIssuesRoundHalfUpAndTheLastTakesTheRest() {
    LedgerBook book = LedgerTestBooks.open(LedgerSettings.defaults());
    receive(book, "R1", "2025-01-10", 3, "10.00");
    book.post(delivery("D1", "2025-01-11", "G1", 1));
    book.post(delivery("D2", "2025-01-12", "G1", 1));
    book.post(delivery("D3", "2025-01-13", "G1", 1));

    assertThat(List.of(cogsOf(book, "D1"), cogsOf(book, "D2"), cogsOf(book, "D3")))
        .containsExactly(new BigDecimal("3.33"), new BigDecimal("3.34"), new BigDecimal("3.33"));
  }

  /**
   * Receipt of 100.00 cancelled. Both styles leave every balance at zero; red-ink (same sides,
   * negative amounts) leaves turnover at 0 / 0, a swap doubles it to 200 / 200.
   */
  @Test
  void redInkKeepsTurnoverHonestWhereSwapInflatesIt() {
    for (var variant : List.of("redInk", "swap")) {
      LedgerBook book = LedgerTestBooks.open(LedgerSettings.defaults().withVariant(variant));
      receive(book, "R1", "2025-01-10", 4, "100.00");
      book.cancel("R1", LocalDate.of(2025, 1, 20));

      Balances balances = book.journal().balances();
      assertThat(balances.of("1405")).isZero();
      assertThat(balances.of("220202")).isZero();
      String expected = variant.equals("redInk") ? "0.00" : "200.00";
      assertThat(balances.debitTurnover()).as(variant).isEqualByComparingTo(expected);
      assertThat(balances.creditTurnover()).as(variant).isEqualByComparingTo(expected);
      Voucher reversal = book.journal().all().get(1);
      assertThat(reversal.reversalOf()).isEqualTo("V1");
      assertThat(reversal.date()).isEqualTo(LocalDate.of(2025, 1, 20));
    }
  }
}
