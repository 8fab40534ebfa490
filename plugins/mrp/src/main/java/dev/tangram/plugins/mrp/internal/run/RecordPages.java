package dev.tangram.plugins.mrp.internal.run;

import dev.tangram.engine.records.AppRecords;
import dev.tangram.engine.records.Record;
import dev.tangram.engine.records.RecordQuery.Filter;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Every record of a form through the records API, which answers at most 200 records a query:
 * keyset paging on {@code _id} (the API's default order is {@code _id} descending).
 */
final class RecordPages {

  private static final int PAGE = 200;

  private RecordPages() {}

  static List<Record> all(AppRecords records, String form, List<Filter> filters) {
    List<Record> out = new ArrayList<>();
    String last = null;
    while (true) {
      List<Filter> page = new ArrayList<>(filters);
      if (last != null) page.add(new Filter("_id", "lt", JsonNodeFactory.instance.stringNode(last)));
      List<Record> found = records.find(form, page, PAGE);
      out.addAll(found);
      if (found.size() < PAGE) return out;
      last = found.getLast().id();
    }
  }
}
