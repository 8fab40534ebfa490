package dev.tangram.plugins.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tangram.plugins.ledger.SimulationInput.AccountInput;
import dev.tangram.plugins.ledger.SimulationResult.StockView;
import dev.tangram.plugins.ledger.SimulationResult.VoucherView;
import dev.tangram.plugins.ledger.internal.LedgerReports.BalanceSheet;
import dev.tangram.plugins.ledger.internal.LedgerReports.GeneralLedgerEntry;
import dev.tangram.plugins.ledger.internal.LedgerReports.ProfitAndLoss;
import dev.tangram.plugins.ledger.internal.LedgerReports.TrialBalanceRow;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Output of {@code report}: the one part asked for. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportResult(
    @Nullable List<TrialBalanceRow> trialBalance, @Nullable ProfitAndLoss profitAndLoss,
    @Nullable BalanceSheet balanceSheet, @Nullable List<GeneralLedgerEntry> generalLedger,
    @Nullable List<VoucherView> vouchers, @Nullable Map<String, StockView> stock,
    @Nullable List<AccountInput> accounts) {}
