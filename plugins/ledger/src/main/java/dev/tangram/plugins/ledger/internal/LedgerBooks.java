package dev.tangram.plugins.ledger.internal;

import dev.tangram.plugins.ledger.LedgerRefusedException;
import dev.tangram.plugins.ledger.LedgerSettings;
import dev.tangram.plugins.ledger.SimulationInput;
import dev.tangram.plugins.ledger.SimulationInput.OpeningBalance;
import dev.tangram.plugins.ledger.SimulationInput.OpeningStock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Opens a {@link LedgerBook} from the set-up part of a simulation input (chart, openings, periods). */
public final class LedgerBooks {

  private static final BigDecimal DEFAULT_VAT = new BigDecimal("0.13");
  private static final LocalDate OPENING_DATE = LocalDate.of(1900, 1, 1);

  private LedgerBooks() {}

  /**
   * A book with the input's chart, opening balances, opening stock and closed periods.
   *
   * @throws LedgerRefusedException when the opening position is inconsistent
   */
  public static LedgerBook open(SimulationInput input) {
    LedgerSettings settings = (input.settings() == null ? LedgerSettings.defaults() : input.settings()).resolved();
    ChartOfAccounts chart = ChartOfAccounts.standard().with(orEmpty(input.accounts()), true);
    PostingRules rules = PostingRules.from(input.postingRules(), input.items());
    BigDecimal vat = input.company() != null && input.company().vatRate() != null ? input.company().vatRate() : DEFAULT_VAT;
    ApprovalRule approval = input.approvalRule() == null ? null : ApprovalRule.parse(input.approvalRule());
    LedgerBook book = new LedgerBook(new LedgerSetup(chart, rules, settings, vat, approval));
    loadOpenings(book, chart, orEmpty(input.openingBalances()));
    loadOpeningStock(book, rules, chart, orEmpty(input.openingStock()));
    try {
      book.checkInvariants();
    } catch (IllegalStateException e) {
      throw new LedgerRefusedException("opening_stock_mismatch", "openingStock", e.getMessage());
    }
    List<String> closed = orEmpty(input.closedPeriods());
    for (int i = 0; i < closed.size(); i++) {
      book.periods().markClosed(LedgerDates.period(closed.get(i), "closedPeriods[" + i + "]"));
    }
    return book;
  }

  private static void loadOpenings(LedgerBook book, ChartOfAccounts chart, List<OpeningBalance> openings) {
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < openings.size(); i++) {
      OpeningBalance o = openings.get(i);
      if (chart.find(o.account()).isEmpty()) {
        throw new LedgerRefusedException("unknown_account", "openingBalances[" + i + "].account",
            "Account '" + o.account() + "' is not in the chart");
      }
      book.addOpening(o.account(), Amounts.round(o.balance()), o.party(), o.dept());
      sum = sum.add(o.balance());
    }
    if (sum.signum() != 0) {
      throw new LedgerRefusedException("unbalanced", "openingBalances",
          "Opening balances do not net to zero: " + sum.toPlainString());
    }
  }

  private static void loadOpeningStock(LedgerBook book, PostingRules rules, ChartOfAccounts chart, List<OpeningStock> rows) {
    StockWorkspace workspace = book.stockWorkspace();
    String warehouse = book.settings().defaultWarehouse();
    for (int i = 0; i < rows.size(); i++) {
      OpeningStock row = rows.get(i);
      StockKey key = new StockKey(row.item(), row.warehouse() != null ? row.warehouse() : warehouse);
      String account = rules.stockAccountFor(row.item(), row.account(), chart);
      workspace.receive(key, account, PostingContext.positive(row.qty(), "openingStock[" + i + "].qty"),
          Amounts.round(row.value()), "opening", OPENING_DATE, "openingStock[" + i + "]");
    }
    workspace.commit();
  }

  static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
