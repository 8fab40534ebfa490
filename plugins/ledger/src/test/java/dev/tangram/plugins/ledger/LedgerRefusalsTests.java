package dev.tangram.plugins.ledger;

import static dev.tangram.plugins.ledger.LedgerScenario.action;
import static dev.tangram.plugins.ledger.LedgerScenario.books;
import static dev.tangram.plugins.ledger.LedgerScenario.delivery;
import static dev.tangram.plugins.ledger.LedgerScenario.invoice;
import static dev.tangram.plugins.ledger.LedgerScenario.journal;
import static dev.tangram.plugins.ledger.LedgerScenario.receipt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Each refusal code, and that a refused event changes nothing. */
class LedgerRefusalsTests {

  private static final String BALANCED = """
      [{"account": "560203", "debit": 10, "credit": 0}, {"account": "1002", "debit": 0, "credit": 10}]""";

  private static LedgerError lastError(LedgerScenario scenario) {
    SimulationResult result = scenario.run();
    return result.events().getLast().error();
  }

  @Test
  void unbalancedManualVoucherIsRefusedNotRoundedOff() {
    assertThat(lastError(books().event(journal("J", "2025-09-05", """
        [{"account": "560203", "debit": 99.99}, {"account": "1002", "credit": 100}]"""))))
        .extracting(LedgerError::code, LedgerError::field).containsExactly("unbalanced", "lines");
  }

  @Test
  void lineWithDebitAndCreditIsRefused() {
    assertThat(lastError(books().event(journal("J", "2025-09-05", """
        [{"account": "560203", "debit": 5, "credit": 5}, {"account": "1002"}]"""))).code()).isEqualTo("debit_and_credit");
  }

  @Test
  void parentAccountIsNotPostable() {
    assertThat(lastError(books().event(journal("J", "2025-09-05", """
        [{"account": "2221", "debit": 10}, {"account": "1002", "credit": 10}]"""))))
        .extracting(LedgerError::code, LedgerError::field).containsExactly("account_not_postable", "lines[0].account");
  }

  @Test
  void receivableWithoutCustomerIsRefused() {
    assertThat(lastError(books().event(journal("J", "2025-09-05", """
        [{"account": "1122", "debit": 10}, {"account": "1002", "credit": 10}]"""))).field()).isEqualTo("lines[0].party");
  }

  @Test
  void allZeroVoucherIsRefused() {
    assertThat(lastError(books().event(journal("J", "2025-09-05", """
        [{"account": "560203", "debit": 0}, {"account": "1002", "credit": 0}]"""))).code()).isEqualTo("empty_voucher");
  }

  @Test
  void amountFinerThanTheCentIsRefused() {
    assertThat(lastError(books().event(journal("J", "2025-09-05", """
        [{"account": "560203", "debit": 1.001}, {"account": "1002", "credit": 1.001}]"""))))
        .extracting(LedgerError::code, LedgerError::field).containsExactly("precision", "lines[0].debit");
  }

  @Test
  void unknownAccountIsRefused() {
    assertThat(lastError(books().event(journal("J", "2025-09-05", """
        [{"account": "9999", "debit": 10}, {"account": "1002", "credit": 10}]"""))).code()).isEqualTo("unknown_account");
  }

  @Test
  void postingIntoAClosedPeriodOrBeforeItIsRefused() {
    assertThat(lastError(books().closed("2025-08").event(journal("J", "2025-08-31", BALANCED))).code()).isEqualTo("period_closed");
    assertThat(lastError(books().closed("2025-08").event(journal("J", "2025-07-01", BALANCED))).code()).isEqualTo("period_closed");
  }

  @Test
  void deletingAPostedDocumentIsRefused() {
    assertThat(lastError(books().event(invoice("SI", "2025-05-06", "100")).event(action("delete", "SI", "2025-05-07"))).code())
        .isEqualTo("posted_voucher_immutable");
  }

  @Test
  void cancellingTwiceOrReversingAReversedVoucherIsRefused() {
    LedgerScenario s = books().event(invoice("SI", "2025-05-06", "100")).event(action("cancel", "SI", "2025-05-07"));
    assertThat(lastError(s.event(action("cancel", "SI", "2025-05-08"))).code()).isEqualTo("already_reversed");
    assertThat(lastError(books().event(invoice("SI", "2025-05-06", "100")).event(action("reverse", "V1", "2025-05-07"))
        .event(action("reverse", "V1", "2025-05-08"))).code()).isEqualTo("already_reversed");
  }

  @Test
  void cancellationDatedInAClosedPeriodIsRefused() {
    assertThat(lastError(books().event(invoice("SI", "2025-05-06", "100")).event("""
        {"date": "2025-05-31", "action": "closePeriod", "period": "2025-05"}""").event(action("cancel", "SI", "2025-05-20"))).code())
        .isEqualTo("period_closed");
  }

  @Test
  void issuingMoreThanIsOnHandIsRefused() {
    assertThat(lastError(books().event(receipt("GR", "2025-04-01", "G1", 10, "5")).event(delivery("DN", "2025-04-02", "G1", 11))))
        .extracting(LedgerError::code, LedgerError::field).containsExactly("negative_stock", "lines[0].qty");
  }

  @Test
  void stockMovementDatedBeforeTheLastOneIsRefused() {
    assertThat(lastError(books().event(receipt("GR", "2025-04-05", "G1", 10, "5")).event(delivery("DN", "2025-04-02", "G1", 1))).code())
        .isEqualTo("stock_backdated");
  }

  @Test
  void closingAMonthWhileAnEarlierOneWithPostingsIsOpenIsRefused() {
    assertThat(lastError(books().event(invoice("SI", "2025-05-06", "100")).event("""
        {"date": "2025-06-30", "action": "closePeriod", "period": "2025-06"}""")).code()).isEqualTo("previous_period_open");
  }

  @Test
  void unknownDocumentTypeTargetAndActionAreRefused() {
    assertThat(lastError(books().event("""
        {"date": "2025-05-06", "doc": "teleport", "no": "X"}""")).code()).isEqualTo("unknown_document_type");
    assertThat(lastError(books().event(action("cancel", "NOPE", "2025-05-06"))).code()).isEqualTo("unknown_document");
    assertThat(lastError(books().event(action("levitate", "NOPE", "2025-05-06"))).code()).isEqualTo("unknown_action");
  }

  @Test
  void refusedEventChangesNothing() {
    SimulationResult without = books().event(receipt("GR", "2025-04-01", "G1", 10, "5")).run();
    SimulationResult with = books().event(receipt("GR", "2025-04-01", "G1", 10, "5"))
        .event(delivery("DN", "2025-04-02", "G1", 3)
            .replace("\"lines\": [", "\"lines\": [{\"item\": \"G1\", \"qty\": 1}, {\"item\": \"G9\", \"qty\": 1}, "))
        .run();
    assertThat(with.events().getLast().error()).isNotNull();
    assertThat(with.vouchers()).isEqualTo(without.vouchers());
    assertThat(with.closingBalances()).isEqualTo(without.closingBalances());
    assertThat(with.stock()).isEqualTo(without.stock());
    assertThat(with.stockLedger()).isEqualTo(without.stockLedger());
  }

  @Test
  void unbalancedOpeningBalancesAreADirectRefusal() {
    SimulationInput input = LedgerCaseFiles.MAPPER.readValue("""
        {"openingBalances": [{"account": "1002", "balance": 100}], "events": []}""", SimulationInput.class);
    assertThatThrownBy(() -> new LedgerPlugin().simulate(input)).isInstanceOf(LedgerRefusedException.class)
        .hasFieldOrPropertyWithValue("code", "unbalanced");
  }
}
