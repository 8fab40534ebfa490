package dev.tangram.plugins.ledger;

import dev.tangram.plugins.ledger.SimulationInput.AccountInput;
import java.util.List;

/**
 * Input of {@code saveAccounts}: accounts to add to the chart or to change (name, postable,
 * party required; the type only while the account has no postings). An empty list changes nothing
 * and returns the chart.
 */
public record AccountsInput(List<AccountInput> accounts) {}
