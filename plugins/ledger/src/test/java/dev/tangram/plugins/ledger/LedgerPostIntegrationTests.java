package dev.tangram.plugins.ledger;

import static dev.tangram.engine.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tangram.engine.access.Actor;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.plugins.PluginContext;
import dev.tangram.engine.plugins.PluginRegistry;
import dev.tangram.engine.records.AppRecords;
import dev.tangram.engine.records.Record;
import dev.tangram.engine.testing.EmbeddedMongo;
import dev.tangram.plugins.ledger.SimulationResult.LineView;
import dev.tangram.plugins.ledger.SimulationResult.VoucherView;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The persistent books on real records (in-memory MongoDB wire server, the engine's record
 * service): posting goods receipts, deliveries and expense claims read from their records, once per
 * record; refusals write nothing; cancellation and period close; a second node (another plugin
 * instance with its own working copy) sees and respects what the first wrote.
 */
class LedgerPostIntegrationTests {

  private static final Actor ALICE = Actor.user("alice", Set.of("ADMIN"), List.of());
  private static final Clock MARCH = Clock.fixed(Instant.parse("2025-03-20T10:00:00Z"), ZoneOffset.UTC);

  private EmbeddedMongo mongo;
  private AppRecords records;
  private LedgerPlugin ledger;
  private String supplier;
  private String customer;
  private String bolt;
  private String main;

  @BeforeEach
  void setUp() {
    mongo = new EmbeddedMongo();
    mongo.apps.create("inv", "Inventory", null, "admin");
    form(ledgerEntryForm());
    form("{'key':'supplier','name':'Supplier','fields':[{'key':'no','type':'text'},{'key':'name','type':'text'}]}");
    form("{'key':'customer','name':'Customer','fields':[{'key':'code','type':'text'},{'key':'name','type':'text'}]}");
    form("{'key':'item','name':'Item','fields':[{'key':'code','type':'text','required':true}]}");
    form("{'key':'warehouse','name':'Warehouse','fields':[{'key':'code','type':'text','required':true}]}");
    form("{'key':'goods_receipt','name':'Goods receipt','fields':[{'key':'no','type':'text'},"
        + "{'key':'supplier','type':'relation','target':{'form':'supplier'}},"
        + "{'key':'warehouse','type':'relation','target':{'form':'warehouse'}},{'key':'receiptDate','type':'date'},"
        + "{'key':'note','type':'text'},"
        + "{'key':'lines','type':'subform','fields':[{'key':'item','type':'relation','target':{'form':'item'}},"
        + "{'key':'qty','type':'number'},{'key':'unitCost','type':'money'}]}]}");
    form("{'key':'delivery','name':'Delivery','fields':[{'key':'no','type':'text'},"
        + "{'key':'customer','type':'relation','target':{'form':'customer'}},"
        + "{'key':'warehouse','type':'relation','target':{'form':'warehouse'}},{'key':'deliveryDate','type':'date'},"
        + "{'key':'lines','type':'subform','fields':[{'key':'item','type':'relation','target':{'form':'item'}},"
        + "{'key':'qty','type':'number'}]}]}");
    form("{'key':'expense_claim','name':'Expense claim','fields':[{'key':'no','type':'text'},"
        + "{'key':'claimant','type':'text'},{'key':'department','type':'text'},{'key':'claimDate','type':'date'},"
        + "{'key':'lines','type':'subform','fields':[{'key':'category','type':'text'},{'key':'amount','type':'money'}]}]}");
    records = mongo.records.forApp("inv", "ledger-test");
    ledger = new LedgerPlugin(MARCH);
    supplier = submit("supplier", "{'no':'S-001','name':'Acme'}").id();
    customer = submit("customer", "{'code':'C-001','name':'Beta'}").id();
    bolt = submit("item", "{'code':'BOLT'}").id();
    main = submit("warehouse", "{'code':'MAIN'}").id();
  }

  @AfterEach
  void tearDown() {
    mongo.close();
  }

  @Test
  void goodsReceiptRecordPostsStockAgainstGrniForItsSupplierOnce() {
    Record receipt = receipt("GR-1", "2025-03-03", 10, "12.50");

    PostResult first = post("goods_receipt", receipt.id());
    PostResult again = post("goods_receipt", receipt.id());

    assertThat(first.status()).isEqualTo("posted");
    assertThat(first.duplicate()).isFalse();
    assertThat(first.vouchers()).hasSize(1);
    assertThat(balances(first.vouchers().getFirst())).containsOnly(
        Map.entry("1405", new BigDecimal("125.00")), Map.entry("220202", new BigDecimal("-125.00")));
    assertThat(first.vouchers().getFirst().lines()).extracting(LineView::party).contains("S-001");
    assertThat(first.vouchers().getFirst().lines()).extracting(LineView::item).contains("BOLT");
    assertThat(again.duplicate()).isTrue();
    assertThat(again.vouchers()).isEqualTo(first.vouchers());
    assertThat(again.entry()).isEqualTo(first.entry());
    assertThat(entries()).as("set-up + one posting").hasSize(2);
  }

  @Test
  void deliveryIsValuedAtMovingAverageAndAnotherNodeRebuildsTheSameBooks() {
    post("goods_receipt", receipt("GR-1", "2025-03-03", 10, "10.00").id());
    post("goods_receipt", receipt("GR-2", "2025-03-04", 20, "11.00").id());
    PostResult delivered = post("delivery", delivery("DN-1", "2025-03-05", 3).id());

    // 3 × 320.00 / 30 = 32.00
    assertThat(balances(delivered.vouchers().getFirst())).containsOnly(
        Map.entry("5401", new BigDecimal("32.00")), Map.entry("1405", new BigDecimal("-32.00")));
    LedgerPlugin secondNode = new LedgerPlugin(MARCH);
    ReportResult stock = secondNode.service().report(records, new ReportInput("stock", null, null, null, null));
    assertThat(stock.stock().get("BOLT@MAIN").qty()).isEqualByComparingTo("27");
    assertThat(stock.stock().get("BOLT@MAIN").value()).isEqualByComparingTo("288.00");
    // The second node posts on top of what the first wrote: 27 left at 288.00, 27 out takes it all.
    PostResult emptying = secondNode.service().post(records, new PostInput("delivery", delivery("DN-2", "2025-03-06", 27).id(), null, null, null), false);
    assertThat(balances(emptying.vouchers().getFirst())).containsEntry("5401", new BigDecimal("288.00"));
    assertThat(emptying.entry()).isEqualTo(delivered.entry() + 1);
    // and the first node, catching up, refuses a delivery of stock that is gone
    assertThatThrownBy(() -> post("delivery", delivery("DN-3", "2025-03-07", 1).id()))
        .isInstanceOfSatisfying(LedgerRefusedException.class, e -> assertThat(e.code()).isEqualTo("negative_stock"));
  }

  @Test
  void refusedPostingWritesNothing() {
    int before = entries().size();
    assertThatThrownBy(() -> post("delivery", delivery("DN-1", "2025-03-05", 1).id()))
        .isInstanceOfSatisfying(LedgerRefusedException.class, e -> assertThat(e.code()).isEqualTo("negative_stock"));
    assertThat(entries()).hasSize(Math.max(before, 1)); // at most the set-up
    PostResult ok = post("goods_receipt", receipt("GR-1", "2025-03-03", 1, "1.00").id());
    assertThat(ok.vouchers()).hasSize(1);
  }

  @Test
  void cancellingPostsALinkedReversalAndAClosedMonthRefusesBackDatedPostings() {
    Record receipt = receipt("GR-1", "2025-02-03", 4, "5.00");
    PostResult posted = post("goods_receipt", receipt.id());
    PostResult closed = ledger.service().closePeriod(records, new PeriodInput("2025-02"));
    assertThat(closed.status()).isEqualTo("closed");

    assertThatThrownBy(() -> post("goods_receipt", receipt("GR-2", "2025-02-27", 1, "1.00").id()))
        .isInstanceOfSatisfying(LedgerRefusedException.class, e -> assertThat(e.code()).isEqualTo("period_closed"));
    PostResult cancelled = ledger.service().cancel(records, new PostInput("goods_receipt", receipt.id(), null, null, null));

    assertThat(cancelled.status()).isEqualTo("cancelled");
    VoucherView reversal = cancelled.vouchers().getFirst();
    assertThat(reversal.reversalOf()).isEqualTo(posted.vouchers().getFirst().id());
    assertThat(reversal.date()).isEqualTo("2025-03-20"); // today, in the open month
    assertThat(balances(reversal)).containsOnly(Map.entry("1405", new BigDecimal("-20.00")), Map.entry("220202", new BigDecimal("20.00")));
    var vouchers = ledger.service().report(records, new ReportInput("vouchers", "2025-02", "2025-03", null, null)).vouchers();
    assertThat(vouchers).extracting(VoucherView::status).containsExactly("reversed", "posted");
    assertThat(ledger.service().cancel(records, new PostInput("goods_receipt", receipt.id(), null, null, null)).duplicate()).isTrue();
  }

  @Test
  void anEditedRecordIsReversedAndPostedAgainInOneEntryOncePerVersion() {
    Record receipt = receipt("GR-1", "2025-03-03", 10, "10.00");
    post("goods_receipt", receipt.id());
    Record delivery = delivery("DN-1", "2025-03-05", 4);
    post("delivery", delivery.id()); // 4 × 10.00 = 40.00

    // The receipt's cost corrected to 12.00 after 4 have left: 10 @ 12.00 received (16, 180.00),
    // then 10 @ 10.00 taken back (6, 80.00); both vouchers dated today, in one entry.
    records.update("goods_receipt", receipt.id(), (tools.jackson.databind.node.ObjectNode) json(
        "{'lines':[{'item':'" + bolt + "','qty':10,'unitCost':12}]}"));
    int before = entries().size();
    PostResult corrected = repost("goods_receipt", receipt.id());
    assertThat(corrected.status()).isEqualTo("reposted");
    assertThat(corrected.vouchers()).hasSize(2);
    VoucherView reversal = corrected.vouchers().get(0);
    assertThat(reversal.reversalOf()).isNotNull();
    assertThat(reversal.date()).isEqualTo("2025-03-20");
    assertThat(balances(reversal)).containsOnly(Map.entry("1405", new BigDecimal("-100.00")), Map.entry("220202", new BigDecimal("100.00")));
    assertThat(corrected.vouchers().get(1).date()).isEqualTo("2025-03-20");
    assertThat(balances(corrected.vouchers().get(1))).containsOnly(
        Map.entry("1405", new BigDecimal("120.00")), Map.entry("220202", new BigDecimal("-120.00")));
    assertThat(entries()).hasSize(before + 1);
    assertThat(repost("goods_receipt", receipt.id()).duplicate()).isTrue(); // the same version again
    assertThat(stock(new LedgerPlugin(MARCH))).containsExactly(new BigDecimal("6"), new BigDecimal("80.00")); // another node replays it

    // A save that changes nothing the ledger reads writes nothing.
    records.update("goods_receipt", receipt.id(), (tools.jackson.databind.node.ObjectNode) json("{'note':'checked'}"));
    assertThat(repost("goods_receipt", receipt.id()).status()).isEqualTo("unchanged");
    assertThat(entries()).hasSize(before + 1);

    // A correction the ledger refuses (the delivery raised to 100, only 10 with its own 4) changes nothing.
    records.update("delivery", delivery.id(), (tools.jackson.databind.node.ObjectNode) json("{'lines':[{'item':'" + bolt + "','qty':100}]}"));
    assertThatThrownBy(() -> repost("delivery", delivery.id()))
        .isInstanceOfSatisfying(LedgerRefusedException.class, e -> assertThat(e.code()).isEqualTo("negative_stock"));
    assertThat(entries()).hasSize(before + 1);
    assertThat(stock(ledger)).containsExactly(new BigDecimal("6"), new BigDecimal("80.00"));
    // The delivery corrected to 5: its 4 @ 10.00 come back (10, 120.00), 5 go out at 12.00 = 60.00.
    records.update("delivery", delivery.id(), (tools.jackson.databind.node.ObjectNode) json("{'lines':[{'item':'" + bolt + "','qty':5}]}"));
    PostResult delivered = repost("delivery", delivery.id());
    assertThat(balances(delivered.vouchers().get(0))).containsEntry("5401", new BigDecimal("-40.00"));
    assertThat(balances(delivered.vouchers().get(1))).containsEntry("5401", new BigDecimal("60.00"));
    assertThat(stock(ledger)).containsExactly(new BigDecimal("5"), new BigDecimal("60.00"));
    // Cancelling it afterwards reverses the live voucher only.
    PostResult cancelled = ledger.service().cancel(records, new PostInput("delivery", delivery.id(), null, null, null));
    assertThat(cancelled.vouchers()).singleElement().satisfies(v -> assertThat(balances(v)).containsEntry("5401", new BigDecimal("-60.00")));
  }

  private PostResult repost(String form, String id) {
    return ledger.service().repost(records, new PostInput(form, id, null, null, null));
  }

  private List<BigDecimal> stock(LedgerPlugin node) {
    var position = node.service().report(records, new ReportInput("stock", null, null, null, null)).stock().get("BOLT@MAIN");
    return List.of(position.qty().stripTrailingZeros(), position.value().setScale(2));
  }

  @Test
  void approvedExpenseClaimPostsByCategoryOnceAndAClaimInApprovalIsRefused() {
    Record claim = submit("expense_claim", "{'no':'EXP-1','claimant':'bob','department':'Sales','claimDate':'2025-03-10',"
        + "'lines':[{'category':'travel','amount':300},{'category':'office','amount':45.5}]}");

    PostResult posted = ledger.service().post(records, new PostInput("expense_claim", claim.id(), null, null, null), true);
    PostResult again = ledger.service().post(records, new PostInput("expense_claim", claim.id(), null, null, null), true);

    assertThat(balances(posted.vouchers().getFirst())).containsOnly(Map.entry("560201", new BigDecimal("300.00")),
        Map.entry("560203", new BigDecimal("45.50")), Map.entry("2241", new BigDecimal("-345.50")));
    assertThat(again.duplicate()).isTrue();
    Record submitted = submit("expense_claim", "{'no':'EXP-2','claimant':'bob','lines':[{'category':'travel','amount':10}]}");
    Record draft = mongo.records.changeStatus("inv", "expense_claim", submitted.id(), "in_approval", null, null, "flow",
        new org.bson.Document());
    int before = entries().size();
    assertThatThrownBy(() -> post("expense_claim", draft.id()))
        .isInstanceOfSatisfying(LedgerRefusedException.class, e -> assertThat(e.code()).isEqualTo("not_approved"));
    assertThat(entries()).hasSize(before);
    // The flow's action node calls postExpense after the last approval: then it posts.
    assertThat(ledger.service().post(records, new PostInput("expense_claim", draft.id(), null, null, null), true).status())
        .isEqualTo("posted");
  }

  @Test
  void twoNodesPostingConcurrentlyPostEachRecordExactlyOnce() throws Exception {
    List<String> receipts = new ArrayList<>();
    for (int i = 0; i < 12; i++) receipts.add(receipt("GR-" + i, "2025-03-03", 1 + i, "2.00").id());
    LedgerPlugin[] nodes = {ledger, new LedgerPlugin(MARCH)};
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<PostResult>> done = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < receipts.size(); i++) {
        String id = receipts.get(i);
        LedgerPlugin node = nodes[(i + round) % 2];
        done.add(pool.submit(() -> node.service().post(records, new PostInput("goods_receipt", id, null, null, null), false)));
      }
    }
    for (Future<PostResult> f : done) f.get();
    pool.shutdown();

    List<JsonNode> entries = entries();
    assertThat(entries).hasSize(1 + receipts.size());
    assertThat(entries.stream().map(e -> e.get("seq").asLong()).sorted().toList())
        .isEqualTo(java.util.stream.LongStream.rangeClosed(1, 1 + receipts.size()).boxed().toList());
    var stock = new LedgerPlugin(MARCH).service().report(records, new ReportInput("stock", null, null, null, null)).stock();
    assertThat(stock.get("BOLT@MAIN").qty()).isEqualByComparingTo("78"); // 1 + 2 + … + 12
    assertThat(stock.get("BOLT@MAIN").value()).isEqualByComparingTo("156.00");
  }

  @Test
  void actionsAreCalledThroughTheRegistryWithStrictJson() {
    Record receipt = receipt("GR-1", "2025-03-03", 2, "3.00");
    PluginRegistry registry = new PluginRegistry(List.of(ledger));
    PluginContext context = new PluginContext("inv", "rule", records);

    JsonNode result = registry.call("ledger", "post", json("{'form':'goods_receipt','recordId':'" + receipt.id() + "'}"), context);
    JsonNode tb = registry.call("ledger", "report", json("{'report':'trialBalance'}"), context);

    assertThat(result.get("status").asString()).isEqualTo("posted");
    assertThat(result.get("vouchers").get(0).get("totalDebit").decimalValue()).isEqualByComparingTo("6.00");
    assertThat(tb.get("trialBalance").valueStream().filter(r -> r.get("account").asString().equals("1405")).findFirst()
        .orElseThrow().get("closing").decimalValue()).isEqualByComparingTo("6.00");
    assertThatThrownBy(() -> registry.call("ledger", "post", json("{'form':'goods_receipt','recordId':'x','bogus':1}"), context))
        .isInstanceOf(dev.tangram.engine.common.ValidationException.class);
    assertThatThrownBy(() -> registry.call("ledger", "post", json("{'form':'goods_receipt','recordId':'x'}"), new PluginContext("inv", "rule")))
        .isInstanceOfSatisfying(dev.tangram.engine.plugins.PluginActionException.class, e -> assertThat(e.code()).isEqualTo("noStore"));
  }

  private PostResult post(String form, String id) {
    return ledger.service().post(records, new PostInput(form, id, null, null, null), false);
  }

  private Record receipt(String no, String date, int qty, String unitCost) {
    return submit("goods_receipt", "{'no':'" + no + "','supplier':'" + supplier + "','warehouse':'" + main + "','receiptDate':'" + date
        + "','lines':[{'item':'" + bolt + "','qty':" + qty + ",'unitCost':" + unitCost + "}]}");
  }

  private Record delivery(String no, String date, int qty) {
    return submit("delivery", "{'no':'" + no + "','customer':'" + customer + "','warehouse':'" + main + "','deliveryDate':'" + date
        + "','lines':[{'item':'" + bolt + "','qty':" + qty + "}]}");
  }

  private List<JsonNode> entries() {
    return records.find("ledger_entry", List.of(), 200).stream().map(r -> (JsonNode) r.data()).toList();
  }

  private static Map<String, BigDecimal> balances(VoucherView voucher) {
    return voucher.lines().stream().collect(Collectors.toMap(LineView::account, l -> l.debit().subtract(l.credit()), BigDecimal::add));
  }

  private Record submit(String form, String data) {
    return mongo.records.submit("inv", form, json("{'data':" + data + "}"), ALICE);
  }

  private void form(JsonNode definition) {
    mongo.forms.create("inv", definition, "admin");
    mongo.forms.publish("inv", definition.get("key").asString(), "admin");
  }

  private void form(String singleQuoted) {
    form(json(singleQuoted));
  }

  static JsonNode ledgerEntryForm() {
    try (InputStream in = LedgerPlugin.class.getResourceAsStream("forms/ledger_entry.json")) {
      return Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
