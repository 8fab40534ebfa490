// A won opportunity becomes a sales order in the inventory app — only when that app is installed
// (records.app gives null otherwise, and the opportunity is simply won). The order is written as
// the user who marked the opportunity won, with their permissions in the inventory app; the
// once-key makes it one order per opportunity however often it is saved won.
if (record.stage !== 'won' || record.salesOrder) {
  return;
}
const inventory = records.app('inventory');
if (inventory === null) {
  return;
}
const lines = [];
const missing = [];
for (const line of record.lines || []) {
  const item = inventory.find('item', {code: line.product}, 1)[0];
  if (item) {
    lines.push({item: item.id, qty: line.qty, price: line.price || 0});
  } else {
    missing.push(line.product);
  }
}
if (lines.length === 0) {
  records.update('opportunity', event.recordId, {orderNote: 'No sales order: no product line names an item code of the inventory app'
      + (missing.length ? ' (' + missing.join(', ') + ')' : '')});
  return;
}
const crmCustomer = records.get('customer', record.customer).data;
let customer = inventory.find('customer', {code: crmCustomer.no}, 1)[0];
if (!customer) {
  customer = inventory.create('customer', {code: crmCustomer.no, name: crmCustomer.name, phone: crmCustomer.phone,
      address: crmCustomer.address, taxNo: crmCustomer.taxNo}, 'customer');
}
const order = inventory.create('sales_order', {
  customer: customer.id, orderDate: TODAY(), sourceRef: 'crm/opportunity/' + event.recordId,
  lines: lines, orderStatus: 'draft'
}, 'salesOrder');
records.update('opportunity', event.recordId, {salesOrder: order.data.no,
    orderNote: missing.length ? 'Items not in the inventory app, left out: ' + missing.join(', ') : null});
