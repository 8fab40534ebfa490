package dev.tangram.engine.forms;

import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.rules.FormulaEngine;
import dev.tangram.engine.rules.FormulaField;
import dev.tangram.engine.rules.FormulaType;
import dev.tangram.engine.rules.RuleEvaluationException;
import dev.tangram.engine.rules.ScriptSandbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The script checks of a form, made when it is saved rather than at the first submit: every
 * formula and rule condition parses (line, column, message), formulas have a computable type, and
 * formulas do not depend on each other in a cycle (the cycle named).
 */
public final class FormScriptChecker {

  private final FormulaEngine formulas;
  private final ScriptSandbox sandbox;

  public FormScriptChecker(FormulaEngine formulas, ScriptSandbox sandbox) {
    this.formulas = formulas;
    this.sandbox = sandbox;
  }

  public List<FieldError> problems(FormDefinition form) {
    List<FieldError> problems = new ArrayList<>();
    List<String> topKeys = form.fields().stream().map(FieldDefinition::key).toList();
    List<FormulaField> top = formulasOf(form.fields(), "fields", topKeys, problems);
    for (int i = 0; i < form.fields().size(); i++) {
      FieldDefinition field = form.fields().get(i);
      if ("subform".equals(field.type())) {
        List<String> scope = new ArrayList<>(topKeys);
        field.fields().forEach(c -> scope.add(c.key()));
        List<FormulaField> rows = formulasOf(field.fields(), "fields[" + i + "].fields", scope, problems);
        planOrCycle(rows, field.fields(), "fields[" + i + "].fields", problems);
      }
    }
    planOrCycle(top, form.fields(), "fields", problems);
    for (int i = 0; i < form.rules().size(); i++) {
      FormRule rule = form.rules().get(i);
      int index = i;
      if (!rule.when().isBlank()) {
        sandbox.checkExpression(rule.when()).ifPresent(p -> problems.add(new FieldError("rules[" + index + "].when", "syntax",
            "Rule " + (index + 1) + ", line " + p.line() + " column " + p.column() + ": " + p.message())));
      }
      if (rule.value() != null && !rule.value().isBlank()) {
        sandbox.checkExpression(rule.value()).ifPresent(p -> problems.add(new FieldError("rules[" + index + "].value", "syntax",
            "Default of rule " + (index + 1) + ", line " + p.line() + " column " + p.column() + ": " + p.message())));
      }
    }
    for (int i = 0; i < form.triggers().size(); i++) {
      TriggerRule trigger = form.triggers().get(i);
      int index = i;
      if (!trigger.script().isBlank()) {
        sandbox.check(trigger.script()).ifPresent(p -> problems.add(new FieldError("triggers[" + index + "].script", "syntax",
            "Trigger '" + trigger.name() + "', line " + p.line() + " column " + p.column() + ": " + p.message())));
      }
    }
    return problems;
  }

  private List<FormulaField> formulasOf(List<FieldDefinition> fields, String path, List<String> scope, List<FieldError> problems) {
    List<FormulaField> result = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      FieldDefinition field = fields.get(i);
      if (field.formula() == null || field.formula().isBlank()) {
        continue;
      }
      String at = path + "[" + i + "].formula";
      Optional<FormulaType> type = typeOf(field);
      if (type.isEmpty()) {
        problems.add(new FieldError(at, "formulaType", "A " + field.type() + " field cannot be computed by a formula ('" + field.key() + "')"));
        continue;
      }
      FormulaField formula = new FormulaField(field.key(), field.formula(), type.get(),
          field.scale() != null ? field.scale() : type.get().defaultScale());
      try {
        formulas.compile(formula, scope);
        result.add(formula);
      } catch (RuleEvaluationException e) {
        problems.add(new FieldError(at, "syntax", "Formula of '" + field.key() + "', line " + e.line() + " column " + e.column() + ": " + e.detail()));
      }
    }
    return result;
  }

  private void planOrCycle(List<FormulaField> computed, List<FieldDefinition> fields, String path, List<FieldError> problems) {
    if (computed.isEmpty() || !problems.isEmpty()) {
      return;
    }
    List<String> inputs = fields.stream().filter(f -> f.formula() == null).map(FieldDefinition::key).toList();
    try {
      formulas.plan(computed, inputs);
    } catch (RuleEvaluationException e) {
      problems.add(new FieldError(path, e.code() == RuleEvaluationException.Code.CYCLE ? "cycle" : "syntax", e.getMessage()));
    }
  }

  /** The formula type a field of this type computes, if it can be computed at all. */
  public static Optional<FormulaType> typeOf(FieldDefinition field) {
    return switch (field.type()) {
      case "money" -> Optional.of(FormulaType.MONEY);
      case "number" -> Optional.of(FormulaType.NUMBER);
      case "text", "textarea", "select", "email", "phone" -> Optional.of(FormulaType.TEXT);
      case "date" -> Optional.of(FormulaType.DATE);
      case "boolean" -> Optional.of(FormulaType.BOOLEAN);
      default -> Optional.empty();
    };
  }
}
