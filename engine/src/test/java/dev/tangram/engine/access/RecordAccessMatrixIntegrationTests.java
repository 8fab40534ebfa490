package dev.tangram.engine.access;

import static dev.tangram.engine.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tangram.engine.common.ForbiddenException;
import dev.tangram.engine.common.NotFoundException;
import dev.tangram.engine.common.TangramException;
import dev.tangram.engine.records.Record;
import dev.tangram.engine.records.RecordQuery;
import dev.tangram.engine.testing.EmbeddedMongo;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The authorization matrix: every row scope × every operation × records owned by the actor, a
 * colleague, someone in a sub-department and someone elsewhere — generated, with the expected
 * outcome computed by a plain oracle. Outside the rows an actor can see, records are "not found".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordAccessMatrixIntegrationTests {

  private static final Actor ADMIN = Actor.system("setup");
  private EmbeddedMongo mongo;
  private final Map<String, Actor> people = new LinkedHashMap<>();
  private final Map<String, String> recordOf = new LinkedHashMap<>();

  @BeforeAll
  void setUp() {
    mongo = new EmbeddedMongo();
    OrgDirectory directory = mongo.directory;
    directory.saveDepartment(new Department("sales", "Sales", null, List.of()), true);
    directory.saveDepartment(new Department("east", "Sales East", "sales", List.of()), true);
    directory.saveDepartment(new Department("hr", "HR", null, List.of()), true);
    people.put("me", Actor.user("me", Set.of(), List.of("sales")));
    people.put("colleague", Actor.user("colleague", Set.of(), List.of("sales")));
    people.put("below", Actor.user("below", Set.of(), List.of("east")));
    people.put("elsewhere", Actor.user("elsewhere", Set.of(), List.of("hr")));
    mongo.apps.create("crm", null, null, "setup");
    mongo.forms.create("crm", json("{'key':'deal','name':'Deal','fields':[{'key':'title','type':'text'},"
        + "{'key':'margin','type':'money'},{'key':'stage','type':'text'}]}"), "setup");
    mongo.forms.publish("crm", "deal", "setup");
    for (var person : people.entrySet()) {
      recordOf.put(person.getKey(), mongo.records.submit("crm", "deal",
          json("{'data':{'title':'of " + person.getKey() + "','margin':10,'stage':'new'}}"), person.getValue()).id());
    }
  }

  @AfterAll
  void tearDown() {
    mongo.close();
  }

  private static boolean oracle(RowScope scope, String owner) {
    return switch (scope) {
      case OWN -> owner.equals("me");
      case DEPARTMENT -> owner.equals("me") || owner.equals("colleague");
      case DEPARTMENT_AND_BELOW -> !owner.equals("elsewhere");
      case ALL -> true;
    };
  }

  @TestFactory
  Stream<DynamicTest> everyScopeTimesEveryOperationTimesEveryOwner() {
    List<DynamicTest> tests = new ArrayList<>();
    for (RowScope scope : RowScope.values()) {
      for (Operation operation : List.of(Operation.VIEW, Operation.EDIT, Operation.DELETE)) {
        for (String owner : people.keySet()) {
          tests.add(DynamicTest.dynamicTest(scope + " × " + operation + " × record of " + owner, () -> {
            mongo.accessSettings.setGrants("crm", "deal", List.of(new Grant("everyone", EnumSet.of(operation), scope, null)));
            Outcome outcome = attempt(operation, recordOf.get(owner));
            Outcome expected = oracle(scope, owner) ? Outcome.ALLOWED : Outcome.NOT_FOUND;
            assertThat(outcome).isEqualTo(expected);
          }));
        }
      }
    }
    return tests.stream();
  }

  enum Outcome { ALLOWED, NOT_FOUND, FORBIDDEN }

  private Outcome attempt(Operation operation, String id) {
    Actor me = people.get("me");
    try {
      switch (operation) {
        case VIEW -> mongo.records.get("crm", "deal", id, me);
        // Dry attempts: EDIT with a stale If-Match and DELETE with one reach the permission check
        // first and then stop at the version check, so the records stay for the next case.
        case EDIT -> mongo.records.patch("crm", "deal", id, json("{'data':{'stage':'won'}}"), -1L, me);
        case DELETE -> mongo.records.delete("crm", "deal", id, -1L, me);
        default -> throw new IllegalArgumentException();
      }
      return Outcome.ALLOWED;
    } catch (NotFoundException e) {
      return Outcome.NOT_FOUND;
    } catch (ForbiddenException e) {
      return Outcome.FORBIDDEN;
    } catch (TangramException e) {
      return Outcome.ALLOWED; // passed the permission check, stopped by the stale version
    }
  }

  @Test
  void queryReturnsOnlyRowsInScope() {
    mongo.accessSettings.setGrants("crm", "deal", List.of(new Grant("everyone", EnumSet.of(Operation.VIEW), RowScope.DEPARTMENT, null)));
    List<Record> seen = mongo.records.query("crm", "deal", new RecordQuery(List.of(), List.of(), 0, 50), people.get("me")).items();
    assertThat(seen).extracting(Record::createdBy).containsExactlyInAnyOrder("me", "colleague");
  }

  @Test
  void hiddenFieldsAreNotReturnedAndReadOnlyFieldsCannotBeChanged() {
    mongo.accessSettings.setGrants("crm", "deal", List.of(new Grant("everyone",
        EnumSet.of(Operation.VIEW, Operation.EDIT, Operation.SUBMIT), RowScope.OWN, Map.of("margin", FieldAccess.HIDDEN, "stage", FieldAccess.READ))));
    Actor me = people.get("me");
    Record mine = mongo.records.get("crm", "deal", recordOf.get("me"), me);
    assertThat(mine.data().has("margin")).isFalse();
    assertThat(mine.data().get("stage").asString()).isEqualTo("new");
    assertThatThrownBy(() -> mongo.records.patch("crm", "deal", mine.id(), json("{'data':{'stage':'won'}}"), null, me))
        .isInstanceOf(ForbiddenException.class).hasMessageContaining("'stage'");
    assertThatThrownBy(() -> mongo.records.submit("crm", "deal", json("{'data':{'title':'x','margin':99}}"), me))
        .isInstanceOf(ForbiddenException.class).hasMessageContaining("'margin'");
    assertThatThrownBy(() -> mongo.records.query("crm", "deal", new RecordQuery(
        List.of(new RecordQuery.Filter("margin", "gt", json("5"))), List.of(), 0, 10), me)).isInstanceOf(ForbiddenException.class);
    assertThat(mongo.records.get("crm", "deal", recordOf.get("me"), ADMIN).data().get("margin").decimalValue()).isEqualByComparingTo("10");
  }

  @Test
  void nonMembersAreRefusedAndAppAdminsSeeEverything() {
    mongo.accessSettings.setAppRoles("crm", new AccessSettings.AppRoles(List.of("user:elsewhere"), List.of("department:sales")));
    try {
      assertThatThrownBy(() -> mongo.records.get("crm", "deal", recordOf.get("colleague"), people.get("below")))
          .as("east is below sales, but membership names sales only").isInstanceOf(ForbiddenException.class);
      assertThat(mongo.records.get("crm", "deal", recordOf.get("me"), people.get("elsewhere")).createdBy()).isEqualTo("me");
    } finally {
      mongo.accessSettings.setAppRoles("crm", new AccessSettings.AppRoles(List.of(), List.of()));
    }
  }

  @Test
  void systemFieldsCannotBeMassAssigned() {
    assertThatThrownBy(() -> mongo.records.submit("crm", "deal",
        json("{'data':{'title':'x','createdBy':'ceo'},'status':'approved'}"), ADMIN)).isInstanceOf(TangramException.class);
    assertThat(mongo.records.query("crm", "deal", new RecordQuery(List.of(), List.of(), 0, 50), ADMIN).items())
        .extracting(Record::createdBy).doesNotContain("ceo");
  }
}
