package dev.tangram.plugins.ledger.internal;

import dev.tangram.engine.records.AppRecords;
import dev.tangram.engine.records.Record;
import dev.tangram.plugins.ledger.AccountsInput;
import dev.tangram.plugins.ledger.LedgerEvent;
import dev.tangram.plugins.ledger.LedgerRefusedException;
import dev.tangram.plugins.ledger.PeriodInput;
import dev.tangram.plugins.ledger.PostInput;
import dev.tangram.plugins.ledger.PostResult;
import dev.tangram.plugins.ledger.ReportInput;
import dev.tangram.plugins.ledger.ReportResult;
import dev.tangram.plugins.ledger.SimulationInput;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Persistent books per app, kept as a journal of {@code ledger_entry} records (see
 * {@link AppBooks}): posting real records, cancelling them, closing periods, chart changes and
 * reports. Thread-safe; one instance serves every app.
 */
public final class LedgerService {

  private static final Set<String> NOT_APPROVED = Set.of("draft", "in_approval", "rejected", "withdrawn");

  private final ConcurrentMap<String, AppBooks> apps = new ConcurrentHashMap<>();
  private final Clock clock;

  public LedgerService(Clock clock) {
    this.clock = clock;
  }

  /**
   * Posts the record (or the given document), once per record: a repeat returns the first result.
   *
   * @param expense the call is {@code postExpense}: the record is an expense claim whose approval
   *                flow has completed
   */
  public PostResult post(AppRecords records, PostInput input, boolean expense) {
    LedgerEvent event;
    String sourceKey;
    if (input.form() != null) {
      Record record = record(records, input);
      event = document(records, record, input, expense);
      sourceKey = record.form() + "/" + record.id() + "/post";
    } else if (input.event() != null) {
      event = input.event();
      sourceKey = "document/" + PostingContext.require(event.no(), "event.no", "Document number") + "/post";
    } else {
      throw new LedgerRefusedException("missing_field", "form", "Name the record to post (form and recordId) or give the document");
    }
    if (event.action() != null) {
      throw new LedgerRefusedException("unknown_action", "event.action", "post takes documents; use cancel, closePeriod or reopenPeriod");
    }
    return apply(records, sourceKey, event);
  }

  /**
   * Posts an edited record again: its live vouchers reversed on {@code input.date} (default today)
   * and the record as it is now posted, in one journal entry (see {@link LedgerBook#repost}). Once
   * per record version; a record whose document reads as when it was posted writes nothing
   * ({@code unchanged}), and one never posted is posted.
   */
  public PostResult repost(AppRecords records, PostInput input) {
    if (input.form() == null) {
      throw new LedgerRefusedException("missing_field", "form", "Name the record to post again (form and recordId)");
    }
    Record record = record(records, input);
    LedgerEvent document = document(records, record, input, false);
    String sourceKey = record.form() + "/" + record.id() + "/repost/" + record.version();
    AppBooks books = books(records);
    var earlier = books.written(new RecordsLedgerLog(records), sourceKey);
    if (earlier.isPresent()) {
      LedgerEntry entry = earlier.get();
      return new PostResult(entry.outcome(), sourceKey, entry.documentNo(), true, entry.seq(), entry.vouchers());
    }
    if (books.read(new RecordsLedgerLog(records), book -> book.isUnchanged(document))) {
      return new PostResult("unchanged", sourceKey, document.no(), false, 0, List.of());
    }
    String date = input.date() != null ? input.date() : LocalDate.now(clock).toString();
    ObjectNode event = LedgerJson.MAPPER.valueToTree(document);
    event.put("action", "repost").put("correctedOn", date);
    return apply(records, sourceKey, RecordDocuments.bind(event));
  }

  /** The record read as the ledger document its posting rule expects. */
  private static LedgerEvent document(AppRecords records, Record record, PostInput input, boolean expense) {
    String doc = input.doc() != null ? input.doc() : expense ? "expenseClaim"
        : RecordDocuments.documentTypeOf(record.form()).orElseThrow(() -> new LedgerRefusedException("unknown_document_type",
            "form", "Records of form '" + record.form() + "' have no posting rule; name one in 'doc'"));
    ObjectNode given = input.event() == null ? null : LedgerJson.MAPPER.valueToTree(input.event());
    ObjectNode read = new RecordDocuments(records).read(record, doc, given);
    if (doc.equals("expenseClaim") && !read.has("approvals")) {
      if (!expense && NOT_APPROVED.contains(record.status())) {
        throw new LedgerRefusedException("not_approved", "recordId",
            "Expense claim " + RecordDocuments.numberOf(record) + " is " + record.status() + ", not approved");
      }
      read.put("status", "approved");
    }
    return RecordDocuments.bind(read);
  }

  /** Cancels the posting of a record: reversal vouchers dated {@code input.date} (default today). */
  public PostResult cancel(AppRecords records, PostInput input) {
    String no;
    String sourceKey;
    if (input.form() != null) {
      Record record = record(records, input);
      no = RecordDocuments.numberOf(record);
      sourceKey = record.form() + "/" + record.id() + "/cancel";
    } else {
      no = PostingContext.require(input.event() == null ? null : input.event().no(), "event.no", "Document number");
      sourceKey = "document/" + no + "/cancel";
    }
    String date = input.date() != null ? input.date() : LocalDate.now(clock).toString();
    return apply(records, sourceKey, event("{\"action\": \"cancel\", \"target\": %s, \"date\": %s}", no, date));
  }

  public PostResult closePeriod(AppRecords records, PeriodInput input) {
    return apply(records, null, event("{\"action\": \"closePeriod\", \"period\": %s}", input.period()));
  }

  public PostResult reopenPeriod(AppRecords records, PeriodInput input) {
    return apply(records, null, event("{\"action\": \"reopenPeriod\", \"period\": %s}", input.period()));
  }

  /** Writes the books' set-up (chart additions, settings, openings); only before anything else. */
  public PostResult setUp(AppRecords records, SimulationInput setup) {
    LedgerEntry entry = books(records).setUp(new RecordsLedgerLog(records), setup);
    return new PostResult(entry.outcome(), null, null, false, entry.seq(), List.of());
  }

  public ReportResult saveAccounts(AppRecords records, AccountsInput input) {
    AppBooks books = books(records);
    RecordsLedgerLog log = new RecordsLedgerLog(records);
    if (!input.accounts().isEmpty()) {
      String payload = LedgerJson.MAPPER.writeValueAsString(input.accounts());
      books.apply(log, null, book -> {
        book.saveAccounts(input.accounts());
        return new AppBooks.Change(LedgerEntry.ACCOUNTS, null, null, "saved", payload, List.of());
      });
    }
    return report(records, new ReportInput("accounts", null, null, null, null));
  }

  public ReportResult report(AppRecords records, ReportInput input) {
    return books(records).read(new RecordsLedgerLog(records), book -> LedgerBookReports.of(book, input, LocalDate.now(clock)));
  }

  private PostResult apply(AppRecords records, @Nullable String sourceKey, LedgerEvent event) {
    String payload = LedgerJson.MAPPER.writeValueAsString(event);
    AppBooks.Written written = books(records).apply(new RecordsLedgerLog(records), sourceKey, book -> {
      var outcome = LedgerSimulation.apply(book, event);
      if (outcome.status().equals("duplicate")) {
        throw new LedgerRefusedException("duplicate_document", "no",
            "Document " + event.no() + " is already posted (from another record)");
      }
      if (outcome.status().equals("pending") || outcome.status().equals("unchanged")) return null;
      String date = event.date() != null ? event.date()
          : event.period() != null ? LedgerDates.period(event.period(), "period").atEndOfMonth().toString() : null;
      return new AppBooks.Change(LedgerEntry.EVENT, event.no() != null ? event.no() : event.target(), date,
          outcome.status(), payload, outcome.newVoucherIds());
    });
    LedgerEntry entry = written.entry();
    String status = entry.outcome().equals("unchanged") ? "not posted" : entry.outcome();
    return new PostResult(status, sourceKey, entry.documentNo(), written.duplicate(), entry.seq(), entry.vouchers());
  }

  private AppBooks books(AppRecords records) {
    return apps.computeIfAbsent(records.app(), a -> new AppBooks());
  }

  private static Record record(AppRecords records, PostInput input) {
    String id = PostingContext.require(input.recordId(), "recordId", "Record id");
    return records.get(input.form(), id).orElseThrow(() -> new LedgerRefusedException("unknown_document", "recordId",
        "There is no " + input.form() + " record '" + id + "'"));
  }

  private static LedgerEvent event(String template, String... values) {
    Object[] quoted = java.util.Arrays.stream(values).map(v -> LedgerJson.MAPPER.writeValueAsString(v)).toArray();
    return LedgerJson.MAPPER.readValue(template.formatted(quoted), LedgerEvent.class);
  }

  static YearMonth month(@Nullable String text, YearMonth fallback, String field) {
    return text == null ? fallback : LedgerDates.period(text, field);
  }
}
