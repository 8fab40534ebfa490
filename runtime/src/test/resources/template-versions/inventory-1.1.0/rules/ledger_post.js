// Goods receipts and deliveries post their voucher through the ledger plugin (stock against GRNI,
// COGS against stock). The ledger's post is idempotent per source record, so a rerun posts nothing
// twice; a deleted document's voucher is reversed (cancel by document number, since the record is
// gone). A refusal of the ledger (e.g. a receipt without supplier, a back-dated stock posting) fails
// this rule with the ledger's message in the rule log; the document stands.
if (event.type === 'record.deleted') {
  if (before && before.no) {
    plugins.call('ledger', 'cancel', {event: {no: before.no}});
  }
  return;
}
if (event.type === 'record.created') {
  plugins.call('ledger', 'post', {form: event.form, recordId: event.recordId});
}
