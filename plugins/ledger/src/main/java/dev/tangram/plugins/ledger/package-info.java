/**
 * General-ledger posting plugin: the API records of the {@code simulate} action, the refusal
 * exception and the {@link dev.tangram.plugins.ledger.LedgerPlugin} entry point. The posting core
 * lives in {@code internal}.
 */
@NullMarked
package dev.tangram.plugins.ledger;

import org.jspecify.annotations.NullMarked;
