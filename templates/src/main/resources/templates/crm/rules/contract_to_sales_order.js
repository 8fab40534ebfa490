// An approved contract with a quote becomes a sales order in the inventory app (when installed),
// once per contract — unless its opportunity already made one.
if (event.status !== 'approved' || record.salesOrder || !record.quote) {
  return;
}
const inventory = records.app('inventory');
if (inventory === null) {
  return;
}
if (record.opportunity) {
  const opportunity = records.get('opportunity', record.opportunity);
  if (opportunity && opportunity.data.salesOrder) {
    records.update('contract', event.recordId, {salesOrder: opportunity.data.salesOrder});
    return;
  }
}
const quote = records.get('quote', record.quote).data;
const lines = [];
for (const line of quote.lines || []) {
  const item = inventory.find('item', {code: line.product}, 1)[0];
  if (item) {
    lines.push({item: item.id, qty: line.qty, price: line.qty ? Math.round(line.amount / line.qty * 10000) / 10000 : 0, taxRate: line.taxRate});
  }
}
if (lines.length === 0) {
  return;
}
const crmCustomer = records.get('customer', record.customer).data;
let customer = inventory.find('customer', {code: crmCustomer.no}, 1)[0];
if (!customer) {
  customer = inventory.create('customer', {code: crmCustomer.no, name: crmCustomer.name, phone: crmCustomer.phone,
      address: crmCustomer.address, taxNo: crmCustomer.taxNo}, 'customer');
}
const order = inventory.create('sales_order', {
  customer: customer.id, orderDate: TODAY(), contractNo: record.no, sourceRef: 'crm/contract/' + event.recordId,
  lines: lines, orderStatus: 'confirmed'
}, 'salesOrder');
records.update('contract', event.recordId, {salesOrder: order.data.no});
