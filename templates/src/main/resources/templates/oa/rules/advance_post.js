// An approved advance posts to the ledger once (ledger.post: Dr 1221 employee / Cr bank), so that
// expense claims naming it can offset it. Idempotent like the expense claim's rule (expense_post.js).
if (event.status !== 'approved' || !record || record.voucherNo || record.postingError) return;
let result;
try {
  result = plugins.call('ledger', 'post', {form: event.form, recordId: event.recordId});
} catch (e) {
  records.update(event.form, event.recordId, {postingError: String(e && e.message ? e.message : e).slice(0, 500)});
  return;
}
const numbers = (result.vouchers || []).map(v => v.no).join(', ');
records.update(event.form, event.recordId, numbers ? {voucherNo: numbers} : {postingError: 'Not posted: ' + result.status});
