package dev.tangram.plugins.mrp;

/**
 * The document a confirmed planned order became: {@code form} ({@code purchase_requisition} or
 * {@code work_order}) and its record id; {@code duplicate} when it had been confirmed before.
 */
public record ConfirmResult(String form, String recordId, boolean duplicate) {}
