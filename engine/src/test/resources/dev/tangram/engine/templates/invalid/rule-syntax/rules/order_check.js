if (record.total > 5 { return 'x'; }
