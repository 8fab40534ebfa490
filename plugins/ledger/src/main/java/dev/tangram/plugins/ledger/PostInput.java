package dev.tangram.plugins.ledger;

import org.jspecify.annotations.Nullable;

/**
 * Input of the {@code post}, {@code postExpense} and {@code cancel} actions: the app record to post
 * (or to cancel the posting of), e.g. {@code {"form": "goods_receipt", "recordId": "65f…"}}.
 *
 * @param form     form key of the source record; its posting rule follows from it
 *                 ({@code goods_receipt} → goods receipt, {@code expense_claim} → expense claim…)
 * @param recordId id of the source record
 * @param doc      the posting rule to use instead ({@code goodsReceipt}, {@code delivery}…)
 * @param date     cancellation or correction date ({@code cancel}, {@code repost}; default today)
 * @param event    values that win over what is read from the record (a rule's own mapping); with
 *                 no {@code form}, the whole document (e.g. a manual {@code journal}), keyed by its {@code no}
 */
public record PostInput(
    @Nullable String form, @Nullable String recordId, @Nullable String doc, @Nullable String date,
    @Nullable LedgerEvent event) {}
