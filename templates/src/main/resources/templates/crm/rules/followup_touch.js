// A follow-up moves the last follow-up date of its customer (and opportunity) forward, which keeps
// them off the "not followed up in N days" lists.
const day = record.followedOn;
const touch = (form, id) => {
  const target = id ? records.get(form, id) : null;
  if (target && (!target.data.lastContact || target.data.lastContact < day)) {
    records.update(form, id, {lastContact: day});
  }
};
touch('customer', record.customer);
touch('opportunity', record.opportunity);
