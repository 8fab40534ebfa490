package dev.tangram.plugins.ledger.internal;

import dev.tangram.engine.records.AppRecords;
import dev.tangram.engine.records.Record;
import dev.tangram.engine.records.RecordQuery.Filter;
import dev.tangram.plugins.ledger.SimulationResult.LineView;
import dev.tangram.plugins.ledger.SimulationResult.VoucherView;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;
import org.bson.types.ObjectId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The journal of an app's books as records of the form {@code ledger_entry} (shipped with this
 * plugin, {@code forms/ledger_entry.json}). An entry is one record, created once through the app's
 * records API with the operation key {@code ledger-seq-<n>}: the record id derives from the key, so
 * the insert itself is the uniqueness check and nothing is ever half-written.
 */
final class RecordsLedgerLog implements LedgerLog {

  static final String FORM = "ledger_entry";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final AppRecords records;

  RecordsLedgerLog(AppRecords records) {
    this.records = records;
  }

  @Override
  public List<LedgerEntry> range(long from, int count) {
    ArrayNode bounds = NODES.arrayNode().add(from).add(from + count - 1);
    List<Record> found = records.find(FORM, List.of(new Filter("seq", "between", bounds)), count);
    return found.stream().map(RecordsLedgerLog::entryOf).sorted(Comparator.comparingLong(LedgerEntry::seq)).toList();
  }

  @Override
  public LedgerEntry append(LedgerEntry entry) {
    Record stored = records.create(FORM, dataOf(entry), operationKey(entry.seq()));
    if (!stored.id().equals(entryId(entry.seq()))) {
      throw new IllegalStateException("The records API no longer derives record ids from operation keys as "
          + "RecordsLedgerLog.entryId expects; entry " + entry.seq() + " got id " + stored.id());
    }
    return entryOf(stored);
  }

  @Override
  public Optional<LedgerEntry> find(long seq) {
    return records.get(FORM, entryId(seq)).map(RecordsLedgerLog::entryOf);
  }

  private String operationKey(long seq) {
    return "ledger-seq-" + seq;
  }

  /**
   * The id the records API gives the record created with this entry's operation key (the first 12
   * bytes of SHA-256 of {@code app/form/op/key}), so the entry is read by id, not by a query. An
   * engine that derived ids differently is caught at the next {@link #append}.
   */
  private String entryId(long seq) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(
          (records.app() + "/" + FORM + "/op/" + operationKey(seq)).getBytes(StandardCharsets.UTF_8));
      return new ObjectId(Arrays.copyOf(hash, 12)).toHexString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static ObjectNode dataOf(LedgerEntry entry) {
    ObjectNode data = NODES.objectNode();
    data.put("seq", entry.seq());
    putIfPresent(data, "sourceKey", entry.sourceKey());
    data.put("kind", entry.kind());
    putIfPresent(data, "documentNo", entry.documentNo());
    putIfPresent(data, "date", entry.date());
    data.put("outcome", entry.outcome());
    data.put("payload", entry.payload());
    ArrayNode lines = data.putArray("lines");
    for (VoucherView v : entry.vouchers()) {
      for (LineView l : v.lines()) {
        ObjectNode row = lines.addObject();
        row.put("voucher", v.id());
        row.put("voucherNo", v.no());
        row.put("source", v.source());
        row.put("date", v.date());
        putIfPresent(row, "reversalOf", v.reversalOf());
        row.put("account", l.account());
        row.put("debit", l.debit());
        row.put("credit", l.credit());
        putIfPresent(row, "party", l.party());
        putIfPresent(row, "dept", l.dept());
        putIfPresent(row, "project", l.project());
        putIfPresent(row, "item", l.item());
        putIfPresent(row, "warehouse", l.warehouse());
      }
    }
    return data;
  }

  static LedgerEntry entryOf(Record record) {
    JsonNode d = record.data();
    Map<String, List<JsonNode>> byVoucher = new LinkedHashMap<>();
    for (JsonNode row : d.path("lines")) byVoucher.computeIfAbsent(row.get("voucher").asString(), k -> new ArrayList<>()).add(row);
    List<VoucherView> vouchers = new ArrayList<>();
    byVoucher.forEach((id, rows) -> {
      JsonNode first = rows.getFirst();
      List<LineView> lines = rows.stream().map(r -> new LineView(r.get("account").asString(), money(r, "debit"),
          money(r, "credit"), text(r, "party"), text(r, "dept"), text(r, "project"), text(r, "item"), text(r, "warehouse"))).toList();
      BigDecimal debit = lines.stream().map(LineView::debit).reduce(Amounts.ZERO, BigDecimal::add);
      BigDecimal credit = lines.stream().map(LineView::credit).reduce(Amounts.ZERO, BigDecimal::add);
      String date = text(first, "date");
      vouchers.add(new VoucherView(id, text(first, "voucherNo"), date, date == null ? null : date.substring(0, 7),
          text(first, "source"), "posted", text(first, "reversalOf"), lines, debit, credit));
    });
    return new LedgerEntry(d.get("seq").asLong(), text(d, "sourceKey"), d.get("kind").asString(), text(d, "documentNo"),
        text(d, "date"), d.get("outcome").asString(), d.get("payload").asString(), vouchers);
  }

  private static void putIfPresent(ObjectNode node, String key, @Nullable String value) {
    if (value != null) node.put(key, value);
  }

  private static @Nullable String text(JsonNode node, String key) {
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? null : value.asString();
  }

  private static BigDecimal money(JsonNode node, String key) {
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? Amounts.ZERO : Amounts.round(value.decimalValue());
  }
}
