// "Convert" on a lead: one customer, one primary contact and one opportunity, linked back to the
// lead. Each create carries a once-key, so converting again (or a rerun of this rule) makes nothing
// new: the same three records are returned and linked.
if (!record.convert || record.leadStatus === 'disqualified' || record.opportunity) {
  return;
}
const customer = records.create('customer', {
  name: record.company, source: record.source, owner: record.owner, phone: record.phone,
  customerStatus: 'potential', lead: event.recordId
}, 'customer');
const contact = records.create('contact', {
  customer: customer.id, name: record.name, title: record.title, mobile: record.phone, email: record.email, primary: true
}, 'contact');
const opportunity = records.create('opportunity', {
  name: record.company, customer: customer.id, contact: contact.id, stage: 'initial',
  expectedAmount: record.expectedAmount || 0, owner: record.owner, lead: event.recordId
}, 'opportunity');
records.update('lead', event.recordId, {
  customer: customer.id, contact: contact.id, opportunity: opportunity.id, leadStatus: 'converted'
});
