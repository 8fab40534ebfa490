package dev.tangram.engine.records.internal;

import dev.tangram.engine.forms.FieldDefinition;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.forms.FormScriptChecker;
import dev.tangram.engine.forms.FormVersion;
import dev.tangram.engine.rules.FormulaEngine;
import dev.tangram.engine.rules.FormulaField;
import dev.tangram.engine.rules.FormulaPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The compiled formula plan of each published form version (none for forms without formulas).
 * Versions never change, so a plan is built once per version and node.
 */
final class FormulaPlans {

  private final FormulaEngine formulas;
  private final ConcurrentMap<String, Optional<FormulaPlan>> plans = new ConcurrentHashMap<>();

  FormulaPlans(FormulaEngine formulas) {
    this.formulas = formulas;
  }

  Optional<FormulaPlan> of(FormVersion version) {
    return plans.computeIfAbsent(version.app() + ":" + version.form() + ":" + version.version(), k -> build(version.definition()));
  }

  Optional<FormulaPlan> build(FormDefinition form) {
    Map<String, FormulaPlan> rowPlans = new HashMap<>();
    for (FieldDefinition field : form.fields()) {
      List<FormulaField> columns = formulasOf(field.fields());
      if ("subform".equals(field.type()) && !columns.isEmpty()) {
        rowPlans.put(field.key(), formulas.plan(columns, inputsOf(field.fields())));
      }
    }
    List<FormulaField> top = formulasOf(form.fields());
    if (top.isEmpty() && rowPlans.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(formulas.plan(top, inputsOf(form.fields()), rowPlans));
  }

  private static List<FormulaField> formulasOf(List<FieldDefinition> fields) {
    List<FormulaField> result = new ArrayList<>();
    for (FieldDefinition field : fields) {
      if (field.formula() != null) {
        FormScriptChecker.typeOf(field).ifPresent(type -> result.add(new FormulaField(field.key(), field.formula(), type,
            field.scale() != null ? field.scale() : type.defaultScale())));
      }
    }
    return result;
  }

  private static List<String> inputsOf(List<FieldDefinition> fields) {
    return fields.stream().filter(f -> f.formula() == null).map(FieldDefinition::key).toList();
  }
}
