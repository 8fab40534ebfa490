// After stock goes out of a warehouse (a delivery, or a transfer's source), an item at or below its
// reorder point in that warehouse gets one open
// reorder alert, with a suggested quantity by Odoo's rule: up to the maximum stock (or the reorder
// point when no maximum is set), rounded up to the order multiple / fixed lot.
const warehouse = record ? record.warehouse || record.fromWarehouse : null;
if (!warehouse) {
  return;
}
const seen = {};
for (const line of record.lines || []) {
  if (seen[line.item]) {
    continue;
  }
  seen[line.item] = true;
  const item = records.get('item', line.item);
  if (!item || item.data.reorderPoint === null || item.data.reorderPoint === undefined) {
    continue;
  }
  const balance = records.find('stock_balance', {item: line.item, warehouse: warehouse}, 1)[0];
  const onHand = balance ? balance.data.onHand || 0 : 0;
  const available = onHand - (balance ? balance.data.allocated || 0 : 0);
  if (available > item.data.reorderPoint) {
    continue;
  }
  const open = records.find('reorder_alert', [{field: 'item', op: 'eq', value: line.item},
      {field: 'warehouse', op: 'eq', value: warehouse}, {field: 'alertStatus', op: 'eq', value: 'open'}], 1);
  if (open.length > 0) {
    records.update('reorder_alert', open[0].id, {available: available});
    continue;
  }
  const target = Math.max(item.data.maxStock || 0, item.data.reorderPoint);
  let qty = Math.max(target - available, 0);
  const step = item.data.lotRule === 'FOQ' ? item.data.lotQty : item.data.orderMultiple;
  if (step > 0) {
    qty = Math.ceil(qty / step) * step;
  }
  qty = Math.max(qty, item.data.minOrderQty || 0);
  records.create('reorder_alert', {item: line.item, warehouse: warehouse, available: available,
      reorderPoint: item.data.reorderPoint, suggestedQty: qty, alertDate: TODAY(), alertStatus: 'open'});
}
