package dev.tangram.plugins.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.tangram.plugins.ledger.LedgerEvent;
import dev.tangram.plugins.ledger.LedgerRefusedException;
import dev.tangram.plugins.ledger.LedgerSettings;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property test over seeded random sequences of goods receipts, supplier invoices (with price
 * differences), supplier payments, deliveries, customer invoices and receipts, cancellations,
 * voucher reversals, retries of earlier documents, back-dated postings, period closes and reopens.
 * After every operation, accepted or refused, every invariant of DOMAIN §2.1 is checked from
 * outside the book:
 * <ul>
 *   <li>each voucher balances to the cent, amounts have at most 2 decimals;</li>
 *   <li>posted vouchers are never edited or deleted (the journal before is a prefix of the journal
 *       after, voucher for voucher) and a reversed voucher stays reversed;</li>
 *   <li>no voucher is dated in a month that was closed when it was posted, and a posting dated in
 *       a closed month is refused with {@code period_closed};</li>
 *   <li>the trial balance balances (total debit balances = total credit balances);</li>
 *   <li>each stock account's balance equals the stock-ledger value carried in it;</li>
 *   <li>posting a document again posts nothing and changes nothing;</li>
 *   <li>a refused operation changes nothing.</li>
 * </ul>
 * A failure names the seed and step, so it can be replayed.
 */
class LedgerPropertyTests {

  private static final String[] ITEMS = {"G1", "G2", "G3"};
  private static final int SEQUENCES = 60;
  private static final int STEPS = 60;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"movingAverage", "fifo", "swap", "redInk", "global"})
  void randomDocumentSequencesKeepEveryInvariant(String variant) {
    Map<String, Integer> accepted = new java.util.TreeMap<>();
    for (int seed = 0; seed < SEQUENCES; seed++) {
      new Sequence(seed, LedgerSettings.defaults().withVariant(variant), accepted).run();
    }
    // The sequences must really exercise every kind of operation, not mostly refusals.
    assertThat(accepted).as("accepted operations by kind").allSatisfy((kind, count) ->
        assertThat(count).as(kind).isGreaterThanOrEqualTo(20));
    assertThat(accepted).containsKeys("receipt", "supplierInvoice", "delivery", "customerInvoice", "payment",
        "cancel", "reverse", "retry", "close", "reopen");
  }

  /** One random sequence against fresh books. */
  private static final class Sequence {
    private final long seed;
    private final Random random;
    private final LedgerBook book;
    private final List<String> documents = new ArrayList<>();
    private final Map<String, LedgerEvent> events = new HashMap<>();
    private final List<String> receipts = new ArrayList<>();
    private LocalDate date = LocalDate.of(2025, 1, 2);
    private int step;

    private final Map<String, Integer> tally;
    private String kind = "";

    Sequence(long seed, LedgerSettings settings, Map<String, Integer> accepted) {
      this.tally = accepted;
      this.seed = seed;
      this.random = new Random(seed);
      this.book = LedgerTestBooks.open(settings);
    }

    void run() {
      for (step = 0; step < STEPS; step++) {
        date = date.plusDays(random.nextInt(4));
        Snapshot before = Snapshot.of(book);
        boolean accepted = true;
        try {
          kind = "";
          act();
          if (!kind.isEmpty()) tally.merge(kind, 1, Integer::sum);
        } catch (LedgerRefusedException refused) {
          accepted = false;
          assertThat(Snapshot.of(book)).as(where("refused %s changed something", refused.code())).isEqualTo(before);
        }
        checkInvariants(before, accepted);
      }
    }

    private void act() {
      String no = "D" + step;
      switch (random.nextInt(12)) {
        case 0, 1 -> {
          kind = "receipt";
          post(no, LedgerTestBooks.receipt(no, date.toString(), item(), 1 + random.nextInt(20), money(100, 3000)));
          receipts.add(no);
        }
        case 2 -> {
          if (receipts.isEmpty()) return;
          String receipt = receipts.get(random.nextInt(receipts.size()));
          var line = events.get(receipt).lines().getFirst();
          // Invoiced at the receipt's cost or a little off it: the difference goes to stock or COGS.
          BigDecimal price = random.nextBoolean() ? line.unitCost() : line.unitCost().add(money(-50, 50));
          kind = "supplierInvoice";
          post(no, LedgerTestBooks.supplierInvoice(no, date.toString(), receipt, line.item(), line.qty().intValue(),
              price.max(new BigDecimal("0.01"))));
        }
        case 3, 4 -> {
          kind = "delivery";
          post(no, LedgerTestBooks.delivery(no, date.toString(), item(), 1 + random.nextInt(12)));
        }
        case 5 -> {
          kind = "customerInvoice";
          post(no, LedgerTestBooks.customerInvoice(no, date.toString(), money(1, 99999)));
        }
        case 6 -> payment(no);
        case 7 -> { if (!documents.isEmpty()) { kind = "cancel"; book.cancel(pick(documents), date); } }
        case 8 -> {
          List<Voucher> all = book.journal().all();
          if (!all.isEmpty()) { kind = "reverse"; book.reverse(all.get(random.nextInt(all.size())).id(), date); }
        }
        case 9 -> retry();
        case 10 -> backDated(no);
        default -> closeOrReopen();
      }
    }

    private void payment(String no) {
      kind = "payment";
      post(no, LedgerTestBooks.payment(no, date.toString(), random.nextBoolean() ? "S1" : "C1",
            random.nextBoolean() ? "supplier" : "customer", money(1, 50000)));
    }

    private void post(String no, LedgerEvent event) {
      book.post(event);
      documents.add(no);
      events.put(no, event);
    }

    private void retry() {
      if (documents.isEmpty()) return;
      kind = "retry";
      String no = pick(documents);
      Snapshot before = Snapshot.of(book);
      var outcome = book.post(events.get(no));
      assertThat(outcome.newVoucherIds()).as(where("retry of %s posted again", no)).isEmpty();
      assertThat(Snapshot.of(book)).as(where("retry of %s changed the books", no)).isEqualTo(before);
    }

    private void backDated(String no) {
      var lastClosed = book.periods().lastClosedPeriod();
      if (lastClosed.isEmpty()) return;
      LocalDate inClosed = lastClosed.get().atDay(1 + random.nextInt(28));
      try {
        book.post(LedgerTestBooks.journal(no, inClosed.toString(), "560203", "1002", money(1, 1000)));
        fail(where("posting dated %s in closed %s was accepted", inClosed, lastClosed.get()));
      } catch (LedgerRefusedException refused) {
        assertThat(refused.code()).as(where("back-dated refusal code")).isEqualTo("period_closed");
        throw refused;
      }
    }

    private void closeOrReopen() {
      YearMonth previous = YearMonth.from(date).minusMonths(1);
      if (random.nextInt(5) == 0) {
        kind = "reopen";
        book.reopenPeriod(book.periods().lastClosedPeriod().orElse(previous));
      } else {
        kind = "close";
        book.closePeriod(previous);
      }
    }

    private void checkInvariants(Snapshot before, boolean accepted) {
      List<Voucher> now = book.journal().all();
      assertThat(now.subList(0, before.vouchers().size())).as(where("posted vouchers edited or deleted"))
          .isEqualTo(before.vouchers());
      before.reversed().forEach(id -> assertThat(book.journal().isReversed(id)).as(where("%s un-reversed", id)).isTrue());
      for (Voucher v : now) {
        assertThat(v.totalDebit()).as(where("voucher %s balances", v.id())).isEqualByComparingTo(v.totalCredit());
        v.lines().forEach(l -> {
          assertThat(l.debit().stripTrailingZeros().scale()).as(where("cent precision in %s", v.id())).isLessThanOrEqualTo(2);
          assertThat(l.credit().stripTrailingZeros().scale()).as(where("cent precision in %s", v.id())).isLessThanOrEqualTo(2);
        });
      }
      for (Voucher v : now.subList(before.vouchers().size(), now.size())) {
        before.lastClosed().ifPresent(closed -> {
          if (!v.document().startsWith(PeriodCloser.DOCUMENT_PREFIX)) {
            assertThat(v.period()).as(where("%s dated in closed %s", v.id(), closed)).isAfter(closed);
          }
        });
      }
      var tb = LedgerReports.trialBalanceTotals(book.journal().balances());
      assertThat(tb.totalDebit()).as(where("trial balance")).isEqualByComparingTo(tb.totalCredit());
      Map<String, BigDecimal> stockByAccount = book.stock().valueByAccount();
      for (String account : List.of("1403", "1405", "1411")) {
        assertThat(book.journal().balances().of(account)).as(where("stock account %s = stock ledger", account))
            .isEqualByComparingTo(stockByAccount.getOrDefault(account, BigDecimal.ZERO));
      }
      book.stock().positions().values().forEach(p -> assertThat(p.qty().signum()).as(where("no negative stock")).isNotNegative());
      if (!accepted) assertThat(now).hasSameSizeAs(before.vouchers());
    }

    private String where(String format, Object... args) {
      return "seed " + seed + " step " + step + ": " + format.formatted(args);
    }

    private String item() {
      return ITEMS[random.nextInt(ITEMS.length)];
    }

    private String pick(List<String> list) {
      return list.get(random.nextInt(list.size()));
    }

    /** A random amount between {@code lowCents} and {@code highCents}, in yuan. */
    private BigDecimal money(int lowCents, int highCents) {
      return BigDecimal.valueOf(lowCents + random.nextInt(highCents - lowCents + 1), 2);
    }
  }

  /** What a refused or repeated operation must leave exactly as it was. */
  private record Snapshot(List<Voucher> vouchers, List<String> reversed, Map<String, BigDecimal> balances,
      Map<StockKey, StockPosition> stock, Map<String, String> documentStatus, java.util.Optional<YearMonth> lastClosed) {

    static Snapshot of(LedgerBook book) {
      Map<String, String> status = new HashMap<>();
      book.documents().byNo().forEach((no, d) -> status.put(no, d.status()));
      List<Voucher> vouchers = List.copyOf(book.journal().all());
      return new Snapshot(vouchers, vouchers.stream().map(Voucher::id).filter(book.journal()::isReversed).toList(),
          Map.copyOf(book.journal().balances().byAccount()), Map.copyOf(book.stock().positions()), status,
          book.periods().lastClosedPeriod());
    }
  }
}
