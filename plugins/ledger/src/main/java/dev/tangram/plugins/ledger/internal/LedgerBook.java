package dev.tangram.plugins.ledger.internal;

import dev.tangram.plugins.ledger.LedgerError;
import dev.tangram.plugins.ledger.LedgerEvent;
import dev.tangram.plugins.ledger.LedgerRefusedException;
import dev.tangram.plugins.ledger.LedgerSettings;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One company's books, in memory: the core the {@code simulate} action drives and the later
 * {@code post} action will call. Every operation plans its vouchers and stock movements first,
 * validates them all, and only then writes, so a {@link LedgerRefusedException} means nothing
 * changed. The invariants are checked after every write.
 */
public final class LedgerBook {

  /** What an operation did: the document's status and the vouchers it posted (none on a retry). */
  public record Outcome(String status, List<String> newVoucherIds) {}

  private LedgerSetup setup;
  private final Journal journal = new Journal();
  private final StockLedger stock;
  private final Periods periods = new Periods();
  private final Documents documents = new Documents();
  private VoucherValidator validator;
  private final List<VoucherLine> openings = new ArrayList<>();

  LedgerBook(LedgerSetup setup) {
    this.setup = setup;
    this.stock = new StockLedger(setup.settings().valuation());
    this.validator = new VoucherValidator(setup.chart(), periods);
  }

  /** Posts a business document, idempotently per document number (convention 8). */
  public Outcome post(LedgerEvent event) {
    String no = PostingContext.require(event.no(), "no", "Document number");
    var known = documents.find(no);
    if (known.isPresent() && known.get().isFinal()) return new Outcome("duplicate", List.of());
    String type = PostingContext.require(event.doc(), "doc", "Document type");
    DocumentPoster poster = DocumentPosters.find(type).orElseThrow(() -> new LedgerRefusedException(
        "unknown_document_type", "doc", "No posting rule for document type '" + type + "'"));
    LocalDate date = LedgerDates.parse(event.date(), "date");
    StockWorkspace workspace = new StockWorkspace(stock);
    PostingContext context = new PostingContext(event, no, date, setup.chart(), setup.rules(), setup.settings(),
        setup.vatRate(), workspace, documents, journal.balances(), setup.approvalRule());
    Posting posting = poster.post(context);
    List<String> ids = commit(posting.vouchers(), workspace);
    documents.put(no, new DocumentRecord(event, posting.status(), posting.invoiceTotals(), posting.approvalPath()));
    return new Outcome(posting.status(), ids);
  }

  /**
   * Posts an edited document again. Posted vouchers are immutable (DOMAIN §2.1), so a correction is
   * a reversal and a new voucher: the document's vouchers that still count are reversed on
   * {@code on}, and the document as it reads now is posted on the later of its own date and
   * {@code on} (a stock movement may not be dated before the reversal that precedes it). Both are
   * planned in one stock workspace and committed together: refused whole or done whole. With FIFO,
   * a receipt can be corrected only while its own layer is whole (nothing issued from it yet). A document
   * never posted is posted as {@link #post} would; one that reads as it did when posted posts
   * nothing ({@code unchanged}).
   */
  public Outcome repost(LedgerEvent document, LocalDate on) {
    String no = PostingContext.require(document.no(), "no", "Document number");
    var known = documents.find(no);
    if (known.isEmpty() || !known.get().isFinal()) return post(document);
    DocumentRecord record = known.get();
    if (record.status().equals("cancelled") || record.status().equals("deleted")) {
      throw new LedgerRefusedException("already_reversed", "target", "Document " + no + " is " + record.status());
    }
    String type = PostingContext.require(document.doc(), "doc", "Document type");
    if (!type.equals(record.type()) || type.equals("expenseClaim")) {
      // An approved claim posts once (its advance offset reads balances this plan would change).
      throw new LedgerRefusedException("invalid_document", "doc", "Document " + no + " (" + record.type()
          + ") cannot be posted again as " + type);
    }
    if (isUnchanged(document)) return new Outcome("unchanged", List.of());
    DocumentPoster poster = DocumentPosters.find(type).orElseThrow(() -> new LedgerRefusedException(
        "unknown_document_type", "doc", "No posting rule for document type '" + type + "'"));
    LocalDate own = LedgerDates.parse(document.date(), "date");
    LocalDate date = own.isAfter(on) ? own : on;
    StockWorkspace workspace = new StockWorkspace(stock);
    PostingContext context = new PostingContext(document, no, date, setup.chart(), setup.rules(), setup.settings(),
        setup.vatRate(), workspace, documents, journal.balances(), setup.approvalRule());
    // Stock may not go negative between the two steps. A receipt's new version is received before the
    // old one is taken back (some of its goods may have left since: 100 received, 30 delivered, the
    // receipt corrected to 90); any other document's old version is taken back first (a delivery's
    // old issue returns the stock its new issue may need).
    Posting posting;
    List<VoucherDraft> drafts;
    if (type.equals("goodsReceipt")) {
      posting = poster.post(context);
      drafts = reversalsOf(no, on, workspace);
    } else {
      drafts = reversalsOf(no, on, workspace);
      posting = poster.post(context);
    }
    drafts.addAll(posting.vouchers());
    List<String> ids = commit(drafts, workspace);
    documents.put(no, new DocumentRecord(document, posting.status(), posting.invoiceTotals(), posting.approvalPath()));
    return new Outcome("reposted", ids);
  }

  private List<VoucherDraft> reversalsOf(String no, LocalDate on, StockWorkspace workspace) {
    List<VoucherDraft> drafts = new ArrayList<>();
    for (Voucher v : journal.liveOfDocument(no).reversed()) {
      drafts.add(Reversals.reverse(v, on, no + " (correction)", setup.settings().reversal(), workspace));
    }
    return drafts;
  }

  /**
   * Whether {@code document} reads as its number was last posted (numbers compared by value:
   * 5000 and 5000.00 are the same amount), so posting it again would change nothing.
   */
  public boolean isUnchanged(LedgerEvent document) {
    return document.no() != null && documents.find(document.no())
        .map(r -> LedgerJson.sameValues(r.event(), document)).orElse(false);
  }

  /** Posts again a document seen earlier (a flow retrying {@code ledger.postExpense}). */
  public Outcome postAgain(String no) {
    DocumentRecord record = documents.find(no).orElseThrow(() -> unknownDocument(no));
    return post(record.event());
  }

  /** Cancels a document: every voucher of it that still counts is reversed, dated {@code date}. */
  public Outcome cancel(String no, LocalDate date) {
    DocumentRecord record = documents.find(no).orElseThrow(() -> unknownDocument(no));
    List<Voucher> live = journal.liveOfDocument(no);
    if (record.status().equals("cancelled") || (live.isEmpty() && !journal.ofDocument(no).isEmpty())) {
      throw new LedgerRefusedException("already_reversed", "target", "Document " + no + " is already cancelled");
    }
    List<String> ids = reverseAll(live, date, no + " (cancel)");
    documents.put(no, record.withStatus("cancelled"));
    return new Outcome("cancelled", ids);
  }

  /** Reverses one voucher, dated {@code date}. */
  public Outcome reverse(String voucherId, LocalDate date) {
    Voucher voucher = journal.find(voucherId).orElseThrow(() -> new LedgerRefusedException(
        "unknown_voucher", "target", "No voucher '" + voucherId + "' is posted"));
    if (journal.isReversed(voucherId)) {
      throw new LedgerRefusedException("already_reversed", "target", "Voucher " + voucherId + " is already reversed");
    }
    if (voucher.reversalOf() != null) {
      throw new LedgerRefusedException("already_reversed", "target",
          "Voucher " + voucherId + " is itself the reversal of " + voucher.reversalOf());
    }
    if (voucher.document().startsWith(PeriodCloser.DOCUMENT_PREFIX)) {
      throw new LedgerRefusedException("closing_voucher", "target",
          "Voucher " + voucherId + " closes a period; reopen the period instead");
    }
    return new Outcome("reversed", reverseAll(List.of(voucher), date, voucher.source() + " (reversal)"));
  }

  /** Closes a month: P&L carried to 3103 (and to 3104 in December), then locked. */
  public Outcome closePeriod(java.time.YearMonth period) {
    return periods().close(period);
  }

  /** Reopens the latest closed month, reversing its closing vouchers. */
  public Outcome reopenPeriod(java.time.YearMonth period) {
    return periods().reopen(period);
  }

  /**
   * Adds or changes accounts of the chart (the company edits its chart). An account that already
   * carries postings keeps its type: changing it would move history between statements.
   */
  public void saveAccounts(java.util.Collection<dev.tangram.plugins.ledger.SimulationInput.AccountInput> accounts) {
    ChartOfAccounts changed = setup.chart().with(accounts, true);
    for (var input : accounts) {
      var before = setup.chart().find(input.code());
      boolean used = journal.balances().byAccount().containsKey(input.code());
      if (before.isPresent() && used && before.get().type() != changed.get(input.code()).type()) {
        throw new LedgerRefusedException("account_in_use", "type",
            "Account " + input.code() + " has postings; its type stays " + before.get().type().name().toLowerCase());
      }
    }
    setup = new LedgerSetup(changed, setup.rules(), setup.settings(), setup.vatRate(), setup.approvalRule());
    validator = new VoucherValidator(changed, periods);
  }

  /** The chart's accounts, code order. */
  public List<dev.tangram.plugins.ledger.SimulationInput.AccountInput> accounts() {
    return setup.chart().all().stream().map(a -> new dev.tangram.plugins.ledger.SimulationInput.AccountInput(
        a.code(), a.name(), null, a.type().name().toLowerCase(), setup.chart().isPostable(a.code()), a.partyRequired())).toList();
  }

  /** Always refused for posted data: posted vouchers are immutable; only a reversal corrects them. */
  public Outcome delete(String target) {
    boolean posted = journal.find(target).isPresent() || !journal.ofDocument(target).isEmpty();
    if (posted) {
      throw new LedgerRefusedException("posted_voucher_immutable", "target",
          "'" + target + "' is posted and cannot be deleted; cancel it to post a reversal");
    }
    DocumentRecord record = documents.find(target).orElseThrow(() -> unknownDocument(target));
    documents.put(target, record.withStatus("deleted"));
    return new Outcome("deleted", List.of());
  }

  private List<String> reverseAll(List<Voucher> vouchers, LocalDate date, String source) {
    StockWorkspace workspace = new StockWorkspace(stock);
    List<VoucherDraft> drafts = new ArrayList<>();
    for (Voucher v : vouchers.reversed()) {
      drafts.add(Reversals.reverse(v, date, source, setup.settings().reversal(), workspace));
    }
    return commit(drafts, workspace);
  }

  /** Validates every draft, then posts them all with their stock movements, or nothing. */
  List<String> commit(List<VoucherDraft> drafts, StockWorkspace workspace) {
    List<LedgerError> errors = new ArrayList<>();
    drafts.forEach(d -> errors.addAll(validator.validate(d)));
    if (!errors.isEmpty()) throw new LedgerRefusedException(errors);
    List<String> ids = new ArrayList<>();
    for (VoucherDraft draft : drafts) {
      VoucherDraft clean = new VoucherDraft(draft.date(), draft.source(), draft.document(),
          draft.lines().stream().filter(l -> !l.isZero()).toList(), draft.movements(), draft.reversalOf());
      Voucher voucher = journal.post(clean);
      LedgerInvariants.checkVoucher(voucher);
      ids.add(voucher.id());
    }
    workspace.commit();
    LedgerInvariants.check(journal, stock, setup.rules());
    return ids;
  }

  private static LedgerRefusedException unknownDocument(String no) {
    return new LedgerRefusedException("unknown_document", "target", "No document '" + no + "' is known");
  }

  PeriodControl periods() {
    return new PeriodControl(this, periods, journal, openings, setup);
  }

  void addOpening(String account, BigDecimal balance, @Nullable String party, @Nullable String dept) {
    VoucherLine line = new VoucherLine(account, balance.max(BigDecimal.ZERO), balance.min(BigDecimal.ZERO).negate(),
        party, Dimensions.dept(dept));
    openings.add(line);
    journal.balances().opening(account, balance, party, dept);
  }

  StockWorkspace stockWorkspace() {
    return new StockWorkspace(stock);
  }

  void checkInvariants() {
    LedgerInvariants.check(journal, stock, setup.rules());
  }

  Journal journal() {
    return journal;
  }

  StockLedger stock() {
    return stock;
  }

  Documents documents() {
    return documents;
  }

  LedgerSetup setup() {
    return setup;
  }

  List<VoucherLine> openings() {
    return List.copyOf(openings);
  }

  LedgerSettings settings() {
    return setup.settings();
  }
}
