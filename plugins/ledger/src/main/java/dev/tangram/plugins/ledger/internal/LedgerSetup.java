package dev.tangram.plugins.ledger.internal;

import dev.tangram.plugins.ledger.LedgerSettings;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** The fixed configuration of a book: chart, posting rules, settings, default VAT, approval rule. */
record LedgerSetup(
    ChartOfAccounts chart, PostingRules rules, LedgerSettings settings, BigDecimal vatRate,
    @Nullable ApprovalRule approvalRule) {}
