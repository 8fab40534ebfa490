package dev.tangram.plugins.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tangram.plugins.ledger.SimulationResult.VoucherView;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a persistent ledger operation did.
 *
 * @param status     the document's status ({@code posted}, {@code recorded}, {@code cancelled},
 *                   {@code closed}, {@code reopened}, {@code saved}, {@code set up}) or
 *                   {@code not posted} (an expense claim whose approval is not complete)
 * @param sourceKey  {@code form/recordId/operation}: the idempotency key
 * @param duplicate  true when the source had been posted before: the vouchers are those of the
 *                   first posting and nothing new was written
 * @param entry      sequence number of the journal entry that holds it
 * @param vouchers   the vouchers it posted
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PostResult(
    String status, @Nullable String sourceKey, @Nullable String documentNo, boolean duplicate, long entry,
    List<VoucherView> vouchers) {}
