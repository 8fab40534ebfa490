// Won or lost: the day it closed is noted once (it feeds "won amount by month"); reopened: cleared.
const closed = record.stage === 'won' || record.stage === 'lost';
if (closed && !record.closedOn) {
  records.update('opportunity', event.recordId, {closedOn: TODAY()});
} else if (!closed && record.closedOn) {
  records.update('opportunity', event.recordId, {closedOn: null});
}
