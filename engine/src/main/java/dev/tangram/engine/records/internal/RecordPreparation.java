package dev.tangram.engine.records.internal;

import com.mongodb.client.MongoDatabase;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.rules.FormulaEngine;
import dev.tangram.engine.rules.FormulaPlan;
import dev.tangram.engine.rules.RuleEvaluationException;
import dev.tangram.engine.schema.CompiledForm;
import dev.tangram.engine.schema.SchemaValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Everything a write does before it touches the record collection: validate the complete data
 * against the compiled schema, check relations, convert to the stored form. Throws one
 * {@link ValidationException} with every problem, so a refused write changes nothing.
 */
public final class RecordPreparation {

  private final RelationChecker relations;
  private final @Nullable FormulaPlans formulas;
  private final @Nullable FormRulePlans rules;

  /** @param formulas computes formula fields; null leaves them empty (engines without a sandbox) */
  public RecordPreparation(MongoDatabase database, @Nullable FormulaEngine formulas) {
    this.relations = new RelationChecker(database);
    this.formulas = formulas == null ? null : new FormulaPlans(formulas);
    this.rules = formulas == null ? null : new FormRulePlans(formulas);
  }

  /** Data of a new record: cleaned, defaults applied, validated, converted. */
  public Document forSubmit(CompiledForm form, ObjectNode submitted) {
    FormDefinition definition = form.version().definition();
    ObjectNode data = SubmittedData.clean(definition, submitted);
    SubmittedData.applyDefaults(definition, data);
    if (rules != null) {
      rules.of(form.version()).applyDefaults(data);
    }
    return validated(form, data);
  }

  /** Data after a merge patch of {@code patch} onto {@code current}; null in the patch removes a value. */
  public Document forPatch(CompiledForm form, ObjectNode current, ObjectNode patch) {
    FormDefinition definition = form.version().definition();
    List<String> removed = new ArrayList<>();
    patch.properties().forEach(e -> {
      if (e.getValue().isNull()) {
        removed.add(e.getKey());
      }
    });
    ObjectNode cleaned = SubmittedData.clean(definition, patch);
    ObjectNode merged = current.deepCopy();
    removed.forEach(merged::remove);
    merged.setAll(cleaned);
    return validated(form, merged);
  }

  private Document validated(CompiledForm form, ObjectNode input) {
    FormRulePlans.Plan plan = rules == null ? null : rules.of(form.version());
    boolean ruled = plan != null && !plan.isEmpty();
    List<FieldError> errors = new ArrayList<>(SchemaValidator.validate(form.schema(), input, ""));
    if (ruled && !errors.isEmpty()) {
      errors = visibleOnly(errors, plan.hidden(input)); // a hidden field's "required" is no error
    }
    ObjectNode data = input;
    if (errors.isEmpty()) {
      data = computed(form, input);
      Set<String> hidden = Set.of();
      if (ruled) {
        hidden = plan.hidden(data);
        if (!hidden.isEmpty()) {
          data = data == input ? data.deepCopy() : data;
          hidden.forEach(data::remove); // hidden fields are not stored
        }
      }
      if (data != input) {
        errors.addAll(visibleOnly(SchemaValidator.validate(form.schema(), data, ""), hidden)); // a computed value may break a limit
      }
      if (ruled && errors.isEmpty()) {
        errors.addAll(plan.check(data, hidden));
      }
    }
    if (errors.isEmpty()) {
      relations.check(form.version().app(), form.version().definition(), data, errors);
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return RecordDataMapper.toStored(form.version().definition(), data);
  }

  private static List<FieldError> visibleOnly(List<FieldError> errors, Set<String> hidden) {
    if (hidden.isEmpty()) {
      return errors;
    }
    return new ArrayList<>(errors.stream().filter(e -> !hidden.contains(e.field().split("[.\\[]")[0])).toList());
  }

  /** The data with every formula field computed on the server, in dependency order, rows first. */
  private ObjectNode computed(CompiledForm form, ObjectNode data) {
    if (formulas == null) {
      return data;
    }
    Optional<FormulaPlan> plan = formulas.of(form.version());
    if (plan.isEmpty()) {
      return data;
    }
    FormDefinition definition = form.version().definition();
    Map<String, @Nullable Object> values = FormulaValues.toMap(data);
    definition.fields().stream().filter(f -> "subform".equals(f.type()))
        .forEach(f -> values.putIfAbsent(f.key(), List.of())); // no rows is an empty table, not an error
    Map<String, @Nullable Object> out;
    try {
      out = plan.get().evaluate(values);
    } catch (RuleEvaluationException e) {
      throw ValidationException.of(e.ruleName(), "formula", "The formula of '" + e.ruleName() + "' failed: " + e.detail());
    }
    return FormulaValues.withComputed(definition, data, out);
  }

}
