package dev.tangram.plugins.ledger.internal;

import dev.tangram.plugins.ledger.LedgerEvent;
import dev.tangram.plugins.ledger.LedgerRefusedException;
import dev.tangram.plugins.ledger.SimulationInput;
import dev.tangram.plugins.ledger.SimulationResult;
import dev.tangram.plugins.ledger.SimulationResult.EventOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs the events of a simulation input against a fresh book, in order. A refused event is
 * reported (with its code) and the run goes on: refused changes nothing.
 */
public final class LedgerSimulation {

  private LedgerSimulation() {}

  /**
   * @throws LedgerRefusedException when the set-up itself (chart, openings) is refused
   */
  public static SimulationResult run(SimulationInput input) {
    LedgerBook book = LedgerBooks.open(input);
    List<EventOutcome> outcomes = new ArrayList<>();
    for (LedgerEvent event : LedgerBooks.orEmpty(input.events())) {
      String subject = Objects.requireNonNullElse(event.no() != null ? event.no() : event.target(),
          Objects.toString(event.action(), "?"));
      try {
        LedgerBook.Outcome outcome = apply(book, event);
        outcomes.add(new EventOutcome(event.seq(), subject, outcome.status(), outcome.newVoucherIds(), null));
      } catch (LedgerRefusedException refused) {
        outcomes.add(new EventOutcome(event.seq(), subject, "rejected", List.of(), refused.errors().getFirst()));
      }
    }
    return SimulationReport.of(book, outcomes);
  }

  /** The one dispatch point from an event to the book. */
  static LedgerBook.Outcome apply(LedgerBook book, LedgerEvent event) {
    String action = event.action();
    if (action == null) return book.post(event);
    String target = event.target();
    return switch (action) {
      case "cancel" -> book.cancel(required(target), LedgerDates.parse(event.date(), "date"));
      case "repost" -> book.repost(documentOf(event), LedgerDates.parse(event.correctedOn(), "correctedOn"));
      case "reverse" -> book.reverse(required(target), LedgerDates.parse(event.date(), "date"));
      case "delete" -> book.delete(required(target));
      case "closePeriod", "close" -> book.closePeriod(periodOf(event));
      case "reopenPeriod", "reopen" -> book.reopenPeriod(periodOf(event));
      default -> {
        if (action.equals("post") || action.startsWith("ledger.post")) yield book.postAgain(required(target));
        throw new LedgerRefusedException("unknown_action", "action", "Unknown ledger action '" + action + "'");
      }
    };
  }

  /** The document a {@code repost} event carries: the event without its action fields. */
  static LedgerEvent documentOf(LedgerEvent event) {
    var tree = LedgerJson.MAPPER.valueToTree(event);
    ((tools.jackson.databind.node.ObjectNode) tree).remove(List.of("action", "target", "correctedOn"));
    return LedgerJson.MAPPER.treeToValue(tree, LedgerEvent.class);
  }

  private static String required(String target) {
    return PostingContext.require(target, "target", "Target");
  }

  private static java.time.YearMonth periodOf(LedgerEvent event) {
    if (event.period() != null) return LedgerDates.period(event.period(), "period");
    return java.time.YearMonth.from(LedgerDates.parse(event.date(), "date"));
  }
}
