package dev.tangram.engine.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.forms.internal.FormDefinitions;
import dev.tangram.engine.testing.EmbeddedMongo;
import dev.tangram.engine.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FormDefinitionValidationTests {

  @ParameterizedTest
  @ValueSource(strings = {"every-problem", "not-an-object", "wrong-shapes"})
  void invalidDefinitionIsRefusedWithEveryProblemListed(String fixture) {
    JsonNode root = Fixtures.resource("/dev/tangram/engine/forms/invalid/" + fixture + ".json");
    List<Tuple> expected = new ArrayList<>();
    root.get("errors").forEach(e -> expected.add(tuple(e.get("field").asString(), e.get("code").asString())));

    assertThatThrownBy(() -> FormDefinitions.parse(root.get("definition"), "bad", Set.of("customer"), false))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
            .extracting(FieldError::field, FieldError::code)
            .containsExactlyInAnyOrderElementsOf(expected));
  }

  @Test
  void designExampleWithEveryFieldTypeIsAccepted() {
    FormDefinition form = FormDefinitions.parse(
        Fixtures.resource("/dev/tangram/engine/forms/expense.json"), "expense", Set.of("customer"), true);

    assertThat(form.fields()).extracting(FieldDefinition::type).contains(
        "text", "textarea", "number", "money", "boolean", "date", "datetime", "select", "multiselect", "email",
        "phone", "user", "department", "attachment", "image", "subform", "relation", "serial");
    assertThat(form.findField("lines").orElseThrow().fields()).hasSize(3);
    assertThat(form.rules()).hasSize(2);
  }

  @Test
  void problemMessagesNameTheFieldAndTheValue() {
    JsonNode definition = Fixtures.json("{'name':'X','fields':[{'key':'amount','type':'monee'}]}");

    assertThatThrownBy(() -> FormDefinitions.parse(definition, "x", Set.of(), false))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().getFirst().message())
            .contains("'amount'", "'monee'", "money"));
  }

  @Test
  void formulaSyntaxErrorsCyclesAndBadRuleConditionsAreReportedWhenSaved() {
    JsonNode definition = Fixtures.json("{'name':'F','fields':[{'key':'a','type':'number','formula':'b + 1'},"
        + "{'key':'b','type':'number','formula':'a * 2'},{'key':'c','type':'money','formula':'SUM(1,'},"
        + "{'key':'d','type':'relation','target':{'form':'f'},'formula':'1'}],"
        + "'rules':[{'type':'validate','when':'a >','message':'m'}]}");

    assertThatThrownBy(() -> FormDefinitions.parse(definition, "f", Set.of(), false, EmbeddedMongo.scriptChecker()))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.errors()).extracting(FieldError::field, FieldError::code).containsExactlyInAnyOrder(
              tuple("fields[2].formula", "syntax"), tuple("fields[3].formula", "formulaType"), tuple("rules[0].when", "syntax"));
          assertThat(e.errors().getFirst().message()).contains("line 1 column");
        });
    JsonNode cyclic = Fixtures.json("{'name':'F','fields':[{'key':'a','type':'number','formula':'b + 1'},"
        + "{'key':'b','type':'number','formula':'a * 2'}]}");
    assertThatThrownBy(() -> FormDefinitions.parse(cyclic, "f", Set.of(), false, EmbeddedMongo.scriptChecker()))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
            .extracting(FieldError::field, FieldError::code).containsExactly(tuple("fields", "cycle")))
        .hasMessageContaining("a -> b -> a");
  }

  @Test
  void publishingNeedsAtLeastOneField() {
    assertThatThrownBy(() -> FormDefinitions.parse(Fixtures.json("{'name':'Empty'}"), "empty", Set.of(), true))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
            .extracting(FieldError::field, FieldError::code).containsExactly(tuple("fields", "required")));
  }
}
