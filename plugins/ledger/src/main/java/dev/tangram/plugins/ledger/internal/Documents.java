package dev.tangram.plugins.ledger.internal;

import dev.tangram.plugins.ledger.LedgerRefusedException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The business documents seen so far, by number: the idempotency key of posting (convention 8). */
final class Documents {

  private final Map<String, DocumentRecord> byNo = new LinkedHashMap<>();

  Optional<DocumentRecord> find(String no) {
    return Optional.ofNullable(byNo.get(no));
  }

  /** The referenced document, which must exist and be of the given type. */
  DocumentRecord get(String no, String type, String field) {
    DocumentRecord record = byNo.get(no);
    if (record == null || !record.type().equals(type)) {
      throw new LedgerRefusedException("unknown_document", field, "No " + type + " '" + no + "' is known");
    }
    return record;
  }

  void put(String no, DocumentRecord record) {
    byNo.put(no, record);
  }

  Collection<DocumentRecord> all() {
    return Collections.unmodifiableCollection(byNo.values());
  }

  Map<String, DocumentRecord> byNo() {
    return Collections.unmodifiableMap(byNo);
  }
}
