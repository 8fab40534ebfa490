package dev.tangram.engine.records;

import static dev.tangram.engine.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tangram.engine.access.Actor;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.testing.EmbeddedMongo;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Defaults, visibility, conditional requirement and cross-field validation, applied at every write. */
class FormRulesIntegrationTests {

  private static final Actor ALICE = Actor.user("alice", Set.of("ADMIN"), List.of());

  private EmbeddedMongo mongo;

  @BeforeEach
  void setUp() {
    mongo = new EmbeddedMongo();
    mongo.apps.create("oa", "OA", null, "admin");
    mongo.forms.create("oa", json("""
        {'key':'leave','name':'Leave','fields':[
          {'key':'kind','type':'select','options':['annual','sick'],'required':true},
          {'key':'startDate','type':'date'},
          {'key':'endDate','type':'date','required':true},
          {'key':'days','type':'number','formula':'DAYS(endDate, startDate) + 1'},
          {'key':'handover','type':'text','required':true},
          {'key':'sickNote','type':'text'}],
         'rules':[
          {'type':'default','field':'startDate','value':'TODAY()'},
          {'type':'visible','field':'handover','when':'days > 3'},
          {'type':'required','field':'sickNote','when':'kind == \\"sick\\"'},
          {'type':'validate','field':'endDate','when':'endDate < startDate','message':'The leave ends before it starts'}]}
        """), "admin");
    mongo.forms.publish("oa", "leave", "admin");
  }

  @AfterEach
  void tearDown() {
    mongo.close();
  }

  private Record submit(String data) {
    return mongo.records.submit("oa", "leave", json("{'data':" + data + "}"), ALICE);
  }

  private List<FieldError> refusal(String data) {
    try {
      submit(data);
    } catch (ValidationException e) {
      return e.errors();
    }
    throw new AssertionError("accepted " + data);
  }

  @Test
  void anExpressionDefaultFillsAMissingValueButNotAGivenOne() {
    String tomorrow = LocalDate.now().plusDays(1).toString();
    Record r = submit("{'kind':'annual','endDate':'" + tomorrow + "'}");
    assertThat(r.data().get("startDate").asString()).isEqualTo(LocalDate.now().toString());
    assertThat(r.data().get("days").asInt()).isEqualTo(2);

    Record given = submit("{'kind':'annual','startDate':'2026-01-05','endDate':'2026-01-06'}");
    assertThat(given.data().get("startDate").asString()).isEqualTo("2026-01-05");
  }

  @Test
  void aHiddenFieldIsNeitherRequiredNorStored() {
    Record shortLeave = submit("{'kind':'annual','startDate':'2026-01-05','endDate':'2026-01-06','handover':'Bob'}");
    assertThat(shortLeave.data().has("handover")).isFalse();

    assertThat(refusal("{'kind':'annual','startDate':'2026-01-05','endDate':'2026-01-12'}"))
        .extracting(FieldError::field).containsExactly("handover");
    Record longLeave = submit("{'kind':'annual','startDate':'2026-01-05','endDate':'2026-01-12','handover':'Bob'}");
    assertThat(longLeave.data().get("handover").asString()).isEqualTo("Bob");
  }

  @Test
  void aConditionalRequirementAndACrossFieldValidationAreFieldLevelErrors() {
    assertThat(refusal("{'kind':'sick','startDate':'2026-01-07','endDate':'2026-01-05'}"))
        .extracting(FieldError::field, FieldError::code, FieldError::message)
        .containsExactlyInAnyOrder(tuple("sickNote", "required", "'sickNote' is required here"),
            tuple("endDate", "validation", "The leave ends before it starts"));
    assertThat(mongo.database.getCollection("records.oa.leave").countDocuments()).isZero();
  }

  @Test
  void aPatchIsJudgedOnTheMergedData() {
    Record r = submit("{'kind':'annual','startDate':'2026-01-05','endDate':'2026-01-06'}");
    assertThatThrownBy(() -> mongo.records.patch("oa", "leave", r.id(), json("{'data':{'endDate':'2026-01-20'}}"), null, ALICE))
        .isInstanceOf(ValidationException.class).hasMessageContaining("handover");
    Record longer = mongo.records.patch("oa", "leave", r.id(), json("{'data':{'endDate':'2026-01-20','handover':'Bob'}}"), null, ALICE);
    assertThat(longer.data().get("days").asInt()).isEqualTo(16);
  }

  @Test
  void syntaxErrorsInRulesAreReportedWhenTheFormIsSaved() {
    assertThatThrownBy(() -> mongo.forms.create("oa", json("""
        {'key':'broken','name':'Broken','fields':[{'key':'a','type':'number'}],
         'rules':[{'type':'default','field':'a','value':'1 +'},{'type':'validate','when':'a >','message':'m'}]}
        """), "admin"))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::field, FieldError::code)
            .containsExactlyInAnyOrder(tuple("rules[0].value", "syntax"), tuple("rules[1].when", "syntax")));
  }
}
