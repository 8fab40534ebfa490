if (record.total > {{param.approvalLimit}} * 100) { return 'Orders above ' + {{param.approvalLimit}} * 100 + ' need a contract'; }
