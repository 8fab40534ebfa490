// Annual leave and time off in lieu come out of a balance (leave_balance, per employee and type):
// a request the balance cannot cover is refused at its days field. Requests of the same employee
// and type still in approval count as taken, so two requests cannot spend the same days.
const TRACKED = {annual: ['Annual leave', '年假'], compensatory: ['Time off in lieu', '调休']};
if (!record || !TRACKED[record.leaveType] || !(record.days > 0)) return;
if (event.status !== 'in_approval' && event.status !== 'draft') return;
const key = {employee: record.applicant, leaveType: record.leaveType};
const balance = records.find('leave_balance', key, 1);
const remaining = balance.length ? Number(balance[0].data.remaining || 0) : 0;
let pending = 0;
const others = records.find('leave', [
  {field: 'applicant', op: 'eq', value: record.applicant},
  {field: 'leaveType', op: 'eq', value: record.leaveType},
  {field: 'status', op: 'eq', value: 'in_approval'}]);
for (const other of others) {
  if (other.id !== event.recordId) pending += Number(other.data.days || 0);
}
const available = remaining - pending;
if (record.days > available) {
  const [en, zh] = TRACKED[record.leaveType];
  return {field: 'days', message: zh + '余额不足：可用 ' + available + ' 天，本次申请 ' + record.days + ' 天 ('
      + en + ': ' + available + ' day(s) available, ' + record.days + ' requested)'};
}
