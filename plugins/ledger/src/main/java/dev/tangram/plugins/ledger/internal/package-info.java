/**
 * The in-memory ledger core: chart of accounts, periods, vouchers, posting rules per business
 * document, the stock ledger (moving average and FIFO), reversal, period close and reports.
 * Every operation plans first and applies only when nothing was refused, so a refusal changes
 * nothing.
 */
@NullMarked
package dev.tangram.plugins.ledger.internal;

import org.jspecify.annotations.NullMarked;
