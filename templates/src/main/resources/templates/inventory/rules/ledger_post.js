// Receipts, deliveries, supplier and customer invoices, payments and customer receipts post their
// vouchers through the ledger plugin (DOMAIN §2.3): a receipt Dr stock / Cr GRNI, a delivery Dr COGS /
// Cr stock, a supplier invoice Dr GRNI + input VAT / Cr payables, a payment Dr payables / Cr bank or
// cash, a customer invoice Dr receivables / Cr revenue + output VAT, a customer receipt Dr bank or
// cash / Cr receivables.
// - created: `post`, idempotent per record, so a rerun posts nothing twice.
// - updated: `repost` — posted vouchers are never changed; the document's live vouchers are reversed
//   (red ink) and the document as it is now is posted, in one ledger entry, once per record version.
//   A save that changes nothing the ledger reads (a note, a batch) posts nothing.
// - deleted: `cancel` by document number (the record is gone, so `before` names it).
// A refusal of the ledger (no supplier on a receipt, a back-dated stock movement, a receipt whose
// goods have left again) fails this rule with the ledger's message in the rule log; the document
// and its stock balance stand.
if (event.type === 'record.deleted') {
  if (before && before.no) {
    plugins.call('ledger', 'cancel', {event: {no: before.no}});
  }
  return;
}

// What the ledger cannot read from the record alone.
const given = {};
if (event.form === 'supplier_invoice') {
  // All lines from one receipt: the invoice clears that receipt's GRNI at the receipt's value and
  // books a price difference to stock or COGS; lines from several receipts clear GRNI at invoice value.
  const receipts = [...new Set((record.lines || []).map(l => l.receipt).filter(r => r))];
  if (receipts.length === 1) {
    const receipt = records.get('goods_receipt', receipts[0]);
    if (receipt && receipt.data.no) given.receipt = receipt.data.no;
  }
}
if (event.form === 'payment' || event.form === 'customer_receipt') {
  given.bankAccount = record.account === 'cash' ? '1001' : '1002';
}
const input = {form: event.form, recordId: event.recordId};
if (Object.keys(given).length > 0) input.event = given;

if (event.type === 'record.created') {
  plugins.call('ledger', 'post', input);
} else if (event.type === 'record.updated') {
  plugins.call('ledger', 'repost', input);
}
