// An approved claim posts to the ledger (ledger.postExpense) exactly once: the plugin is idempotent
// per claim (a repeat returns the first voucher, never a second one), this rule runs once per event
// (the trigger log), and the voucher number it notes on the claim makes every later update skip the
// call. A refusal (closed period, unknown category…) is noted in postingError and left there:
// clearing postingError after fixing the cause posts the claim.
if (event.status !== 'approved' || !record || record.voucherNo || record.postingError) return;
let result;
try {
  result = plugins.call('ledger', 'postExpense', {form: event.form, recordId: event.recordId});
} catch (e) {
  records.update(event.form, event.recordId, {postingError: String(e && e.message ? e.message : e).slice(0, 500)});
  return;
}
const numbers = (result.vouchers || []).map(v => v.no).join(', ');
records.update(event.form, event.recordId, numbers ? {voucherNo: numbers} : {postingError: 'Not posted: ' + result.status});
