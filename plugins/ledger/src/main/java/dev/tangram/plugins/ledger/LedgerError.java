package dev.tangram.plugins.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One reason the ledger refused something.
 *
 * @param code    machine-readable, e.g. {@code unbalanced}, {@code period_closed}
 * @param field   input path of the offending value, e.g. {@code lines[0].account}, where there is one
 * @param message names the object and the value
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LedgerError(String code, @Nullable String field, String message) {}
