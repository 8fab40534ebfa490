package dev.tangram.engine.records;

import static dev.tangram.engine.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tangram.engine.access.Actor;
import dev.tangram.engine.common.ConflictException;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.NotFoundException;
import dev.tangram.engine.common.TangramException;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.records.RecordQuery.Filter;
import dev.tangram.engine.testing.EmbeddedMongo;
import dev.tangram.engine.testing.Fixtures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordServiceIntegrationTests {

  // Admins: this class is about records; permissions have their own tests.
  private static final Actor ALICE = Actor.user("alice", Set.of("ADMIN"), List.of());
  private static final Actor BOB = Actor.user("bob", Set.of("ADMIN"), List.of());
  private static final Actor CAROL = Actor.user("carol", Set.of("ADMIN"), List.of());

  private EmbeddedMongo mongo;
  private RecordService records;
  private String customerId;

  @BeforeEach
  void setUp() {
    mongo = new EmbeddedMongo();
    records = mongo.records;
    mongo.apps.create("fin", "Finance", null, "admin");
    mongo.forms.create("fin", Fixtures.resource("/dev/tangram/engine/forms/customer.json"), "admin");
    mongo.forms.create("fin", Fixtures.resource("/dev/tangram/engine/forms/expense.json"), "admin");
    mongo.forms.publish("fin", "customer", "admin");
    mongo.forms.publish("fin", "expense", "admin");
    customerId = records.submit("fin", "customer", json("{'data':{'name':'ACME','level':'a'}}"), ALICE).id();
  }

  @AfterEach
  void tearDown() {
    mongo.close();
  }

  private Record submitExpense(String dataJson) {
    return records.submit("fin", "expense", json("{'data':" + dataJson + "}"), ALICE);
  }

  private RecordPage query(String form, RecordQuery query) {
    return records.query("fin", form, query, ALICE);
  }

  private long count(String form) {
    return query(form, new RecordQuery(List.of(), List.of(), 0, 1)).total();
  }

  @Test
  void validSubmitStoresEveryFieldTypeWithSystemFieldsAndSerial() {
    Record r = submitExpense("{'title':'Trip','amount':0.1,'tags':['urgent'],'count':3,'paid':false,"
        + "'spentOn':'2026-11-20','loggedAt':'2026-11-20T10:00:00+08:00','email':'a@b.cn','phone':'+86 138 0000 0000',"
        + "'owner':'alice','dept':'sales','receipts':[{'name':'r.pdf','url':'/files/1','size':10}],"
        + "'lines':[{'qty':2,'price':9.99,'sum':999}],'total':5,'customer':'" + customerId + "'}");

    assertThat(r.status()).isEqualTo("active");
    assertThat(r.version()).isEqualTo(1);
    assertThat(r.formVersion()).isEqualTo(1);
    assertThat(r.createdBy()).isEqualTo("alice");
    assertThat(r.data().get("amount").decimalValue()).isEqualByComparingTo("0.10");
    assertThat(r.data().get("amount").toString()).isEqualTo("0.10");
    assertThat(r.data().get("category").asString()).isEqualTo("office"); // the default
    assertThat(r.data().get("loggedAt").asString()).isEqualTo("2026-11-20T02:00:00Z");
    assertThat(r.data().get("no").asString()).matches("EXP-\\d{8}-0001");
    assertThat(r.data().get("lines").get(0).get("sum").toString()).as("row formula, the client's 999 ignored").isEqualTo("19.98");
    assertThat(r.data().get("total").toString()).as("SUM over the rows, the client's 5 ignored").isEqualTo("19.98");
    assertThat(records.get("fin", "expense", r.id(), ALICE).data()).isEqualTo(r.data());
  }

  @Test
  void invalidSubmitListsEveryFieldErrorAndStoresNothing() {
    assertThatThrownBy(() -> submitExpense("{'amount':'ten','title':'" + "x".repeat(101) + "','category':'car',"
        + "'email':'nope','spentOn':'2026-13-45','count':2.5,'colour':'red','lines':[{'qty':'a','extra':1}]}"))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
            .extracting(FieldError::field, FieldError::code)
            .contains(tuple("amount", "type"), tuple("title", "maxLength"), tuple("category", "enum"),
                tuple("email", "format"), tuple("spentOn", "format"), tuple("count", "type"),
                tuple("colour", "unknownField"), tuple("lines[0].qty", "type"), tuple("lines[0].extra", "unknownField")));
    assertThat(count("expense")).isZero();
  }

  @Test
  void missingRequiredAndTooManyDecimalsAreFieldErrors() {
    assertThatThrownBy(() -> submitExpense("{'amount':1.005}"))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
            .extracting(FieldError::field, FieldError::code)
            .containsExactlyInAnyOrder(tuple("title", "required"), tuple("amount", "scale")));
  }

  @Test
  void relationToMissingRecordIsRefused() {
    assertThatThrownBy(() -> submitExpense("{'title':'T','amount':1,'customer':'0123456789abcdef01234567'}"))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
            .extracting(FieldError::field, FieldError::code).containsExactly(tuple("customer", "relationNotFound")));
    assertThat(count("expense")).isZero();
  }

  @Test
  void patchWithStaleVersionIsRejectedAndChangesNothing() {
    Record r = submitExpense("{'title':'Trip','amount':10}");
    Record patched = records.patch("fin", "expense", r.id(), json("{'data':{'amount':12.5}}"), 1L, BOB);
    assertThat(patched.version()).isEqualTo(2);
    assertThat(patched.data().get("amount").toString()).isEqualTo("12.50");
    assertThat(patched.updatedBy()).isEqualTo("bob");

    assertThatThrownBy(() -> records.patch("fin", "expense", r.id(), json("{'data':{'amount':99}}"), 1L, CAROL))
        .isInstanceOf(ConflictException.class)
        .satisfies(e -> assertThat(((TangramException) e).errors().getFirst().code()).isEqualTo("staleVersion"));
    assertThat(records.get("fin", "expense", r.id(), ALICE).data().get("amount").decimalValue()).isEqualByComparingTo("12.5");
  }

  @Test
  void formulasAreRecomputedOnEveryChangeWithExactMoney() {
    Record r = submitExpense("{'title':'T','amount':1,'lines':[{'qty':1,'price':0.1},{'qty':1,'price':0.2}]}");
    assertThat(r.data().get("total").toString()).isEqualTo("0.30");
    Record patched = records.patch("fin", "expense", r.id(), json("{'data':{'lines':[{'qty':3,'price':0.1}],'total':100}}"), null, BOB);
    assertThat(patched.data().get("total").toString()).isEqualTo("0.30");
    assertThat(patched.data().get("lines").get(0).get("sum").toString()).isEqualTo("0.30");
  }

  @Test
  void invalidPatchChangesNothing() {
    Record r = submitExpense("{'title':'Trip','amount':10}");
    assertThatThrownBy(() -> records.patch("fin", "expense", r.id(), json("{'data':{'title':null,'amount':-1}}"), null, BOB))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
            .extracting(FieldError::field).containsExactlyInAnyOrder("title", "amount"));
    Record unchanged = records.get("fin", "expense", r.id(), ALICE);
    assertThat(unchanged.version()).isEqualTo(1);
    assertThat(unchanged.data()).isEqualTo(r.data());
  }

  @Test
  void historyRecordsWhoChangedWhichFieldFromWhatToWhat() {
    Record r = submitExpense("{'title':'Trip','amount':10}");
    // notes are visible (and stored) only above 5000
    records.patch("fin", "expense", r.id(), json("{'data':{'title':'Flight','notes':'window seat','amount':6000}}"), 1L, BOB);
    records.delete("fin", "expense", r.id(), 2L, CAROL);

    List<RecordChange> history = records.history("fin", "expense", r.id(), ALICE);
    assertThat(history).extracting(RecordChange::action, RecordChange::actor, RecordChange::version)
        .containsExactly(tuple("created", "alice", 1L), tuple("updated", "bob", 2L), tuple("deleted", "carol", 3L));
    assertThat(history.get(1).changes()).extracting(c -> c.field(), c -> c.before().asString(), c -> c.after().asString())
        .contains(tuple("title", "Trip", "Flight"), tuple("notes", "", "window seat"));
    assertThatThrownBy(() -> records.get("fin", "expense", r.id(), ALICE)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aRecordInApprovalIsNotEditedAroundItsTask() {
    Record r = submitExpense("{'title':'Trip','amount':10}");
    records.changeStatus("fin", "expense", r.id(), RecordService.IN_APPROVAL, null, 1L, "flow", new org.bson.Document());
    assertThatThrownBy(() -> records.patch("fin", "expense", r.id(), json("{'data':{'title':'Changed'}}"), null, BOB))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.errors())
            .extracting(FieldError::code).containsExactly("inApproval"));
    assertThat(records.get("fin", "expense", r.id(), ALICE).data().get("title").asString()).isEqualTo("Trip");
  }

  @Test
  void uniqueFieldRefusesASecondRecordWithTheSameValue() {
    submitExpense("{'title':'A','amount':1,'email':'x@y.cn'}");
    assertThatThrownBy(() -> submitExpense("{'title':'B','amount':2,'email':'x@y.cn'}"))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.errors())
            .extracting(FieldError::field, FieldError::code).containsExactly(tuple("email", "duplicate")));
    assertThat(count("expense")).isEqualTo(1);
  }

  @Test
  void serialNumbersAreUniqueUnderConcurrentSubmitsOnTwoNodes() throws Exception {
    RecordService otherNode = mongo.secondNode();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Record>> futures = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      RecordService node = i % 2 == 0 ? records : otherNode;
      futures.add(pool.submit(() -> node.submit("fin", "expense", json("{'data':{'title':'T','amount':1}}"), ALICE)));
    }
    List<String> serials = Collections.synchronizedList(new ArrayList<>());
    for (Future<Record> f : futures) {
      serials.add(f.get().data().get("no").asString());
    }
    pool.shutdown();
    assertThat(Set.copyOf(serials)).hasSize(80);
    assertThat(serials).allMatch(s -> s.matches("EXP-\\d{8}-00\\d\\d"));
  }

  @Test
  void queryFiltersSortsAndPagesWithTotal() {
    for (int i = 1; i <= 12; i++) {
      submitExpense("{'title':'T" + i + "','amount':" + i + ".5,'category':'" + (i % 2 == 0 ? "meal" : "travel") + "'}");
    }
    RecordPage page = query("expense", new RecordQuery(
        List.of(new Filter("amount", "gte", json("3")), new Filter("category", "eq", json("'meal'"))),
        List.of("-amount"), 0, 2));
    assertThat(page.total()).isEqualTo(5);
    assertThat(page.items()).extracting(r -> r.data().get("title").asString()).containsExactly("T12", "T10");

    assertThat(query("expense", new RecordQuery(
        List.of(new Filter("title", "startsWith", json("'T1'"))), List.of("amount"), 1, 2)).items())
        .extracting(r -> r.data().get("title").asString()).containsExactly("T11", "T12");
    assertThat(query("expense", new RecordQuery(
        List.of(new Filter("amount", "between", json("[2, 4]")), new Filter("notes", "empty", json("true"))),
        List.of(), 0, 20)).total()).isEqualTo(2);
    assertThat(query("expense", new RecordQuery(
        List.of(new Filter("category", "in", json("['meal','office']")), new Filter("title", "contains", json("'t1'"))),
        List.of(), 0, 20)).total()).isEqualTo(2);
  }

  @Test
  void aDateFilterMayCountDaysFromToday() {
    java.time.LocalDate today = java.time.LocalDate.now();
    submitExpense("{'title':'old','amount':1,'spentOn':'" + today.minusDays(20) + "'}");
    submitExpense("{'title':'recent','amount':1,'spentOn':'" + today.minusDays(3) + "'}");
    submitExpense("{'title':'soon','amount':1,'spentOn':'" + today.plusDays(2) + "'}");
    assertThat(query("expense", new RecordQuery(List.of(new Filter("spentOn", "lt", json("'today-14'"))), List.of(), 0, 20)).items())
        .extracting(r -> r.data().get("title").asString()).containsExactly("old");
    assertThat(query("expense", new RecordQuery(List.of(new Filter("spentOn", "between", json("['today-7', 'today+7']"))), List.of("spentOn"), 0, 20)).items())
        .extracting(r -> r.data().get("title").asString()).containsExactly("recent", "soon");
    assertThat(query("expense", new RecordQuery(List.of(new Filter("title", "eq", json("'today'"))), List.of(), 0, 20)).total()).isZero();
  }

  @Test
  void unknownFilterFieldsOperatorsAndRawMongoOperatorsAreRefused() {
    assertThatThrownBy(() -> query("expense", new RecordQuery(List.of(
        new Filter("amout", "eq", json("1")), new Filter("amount", "$where", json("1")),
        new Filter("data.title", "eq", json("'x'")), new Filter("title", "eq", json("{'$ne':null}")),
        new Filter("amount", "gt", json("'ten'"))), List.of("$natural"), 0, 500)))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
            .extracting(FieldError::field, FieldError::code).containsExactlyInAnyOrder(
                tuple("size", "range"), tuple("filter[0].field", "unknownField"), tuple("filter[1].op", "unknownOp"),
                tuple("filter[2].field", "unknownField"), tuple("filter[3].value", "type"),
                tuple("filter[4].value", "type"), tuple("sort", "unknownField")));
  }

  @Test
  void submitToAnUnpublishedFormIsAConflict() {
    mongo.forms.create("fin", json("{'key':'draftonly','name':'D','fields':[{'key':'a','type':'text'}]}"), "admin");
    assertThatThrownBy(() -> records.submit("fin", "draftonly", json("{'data':{'a':'x'}}"), ALICE))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.errors().getFirst().code()).isEqualTo("notPublished"));
  }
}
