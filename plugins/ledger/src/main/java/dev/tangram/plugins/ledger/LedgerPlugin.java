package dev.tangram.plugins.ledger;

import dev.tangram.engine.plugins.PluginAction;
import dev.tangram.engine.plugins.TangramPlugin;
import dev.tangram.plugins.ledger.internal.LedgerService;
import dev.tangram.plugins.ledger.internal.LedgerSimulation;
import java.time.Clock;
import java.util.List;

/**
 * The general-ledger plugin.
 *
 * <p>{@code simulate} posts a list of business documents and actions into fresh in-memory books
 * and returns the vouchers, balances, trial balance, stock and the refused events with their codes.
 *
 * <p>The other actions work on the app's persistent books, kept as {@code ledger_entry} records
 * (the app needs that form, {@code forms/ledger_entry.json} in this jar): {@code post} a record
 * (goods receipt, delivery, invoice, payment…), {@code postExpense} an approved expense claim,
 * {@code repost} an edited record (reversal and new voucher), {@code cancel} a posting, {@code closePeriod} / {@code reopenPeriod}, {@code setup},
 * {@code saveAccounts} and {@code report}. Each is idempotent per source record, and a refusal
 * ({@link LedgerRefusedException}) writes nothing.
 */
public final class LedgerPlugin implements TangramPlugin {

  private final LedgerService service;

  public LedgerPlugin() {
    this(Clock.systemDefaultZone());
  }

  public LedgerPlugin(Clock clock) {
    this.service = new LedgerService(clock);
  }

  @Override
  public String id() {
    return "ledger";
  }

  @Override
  public String version() {
    return "0.3.0";
  }

  @Override
  public List<PluginAction<?, ?>> actions() {
    return List.of(
        new PluginAction<>("simulate",
            "Post business documents into in-memory books; return vouchers, balances, stock and rejections",
            SimulationInput.class, SimulationResult.class, (input, context) -> simulate(input)),
        new PluginAction<>("post", "Post a record (goods receipt, delivery, invoice, payment…) to the app's books, once",
            PostInput.class, PostResult.class, (input, ctx) -> service.post(ctx.requireRecords(), input, false)),
        new PluginAction<>("postExpense", "Post an expense claim whose approval has completed, once",
            PostInput.class, PostResult.class, (input, ctx) -> service.post(ctx.requireRecords(), input, true)),
        new PluginAction<>("repost", "Post an edited record again: its vouchers reversed and the record as it is now posted, in one entry",
            PostInput.class, PostResult.class, (input, ctx) -> service.repost(ctx.requireRecords(), input)),
        new PluginAction<>("cancel", "Cancel the posting of a record: linked reversal vouchers, dated on the cancellation",
            PostInput.class, PostResult.class, (input, ctx) -> service.cancel(ctx.requireRecords(), input)),
        new PluginAction<>("closePeriod", "Close a month: P&L carried to 3103 (December: to 3104), postings locked",
            PeriodInput.class, PostResult.class, (input, ctx) -> service.closePeriod(ctx.requireRecords(), input)),
        new PluginAction<>("reopenPeriod", "Reopen the latest closed month, reversing its closing vouchers",
            PeriodInput.class, PostResult.class, (input, ctx) -> service.reopenPeriod(ctx.requireRecords(), input)),
        new PluginAction<>("setup", "Set up the app's books (settings, chart additions, openings) before the first posting",
            SimulationInput.class, PostResult.class, (input, ctx) -> service.setUp(ctx.requireRecords(), input)),
        new PluginAction<>("saveAccounts", "Add or change accounts of the app's chart; returns the chart",
            AccountsInput.class, ReportResult.class, (input, ctx) -> service.saveAccounts(ctx.requireRecords(), input)),
        new PluginAction<>("report", "Trial balance, P&L, balance sheet, general ledger, vouchers, stock or chart of the app's books",
            ReportInput.class, ReportResult.class, (input, ctx) -> service.report(ctx.requireRecords(), input)));
  }

  /** The {@code simulate} action, callable directly. */
  public SimulationResult simulate(SimulationInput input) {
    return LedgerSimulation.run(input);
  }

  /** The persistent books' operations, for callers in Java (tests, benchmarks). */
  public LedgerService service() {
    return service;
  }
}
