package dev.tangram.engine.records.internal;

import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.forms.FieldDefinition;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.forms.FormRule;
import dev.tangram.engine.forms.FormScriptChecker;
import dev.tangram.engine.forms.FormVersion;
import dev.tangram.engine.rules.Formula;
import dev.tangram.engine.rules.FormulaEngine;
import dev.tangram.engine.rules.FormulaField;
import dev.tangram.engine.rules.FormulaType;
import dev.tangram.engine.rules.RuleEvaluationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The declarative rules of each published form version, compiled once: expression defaults,
 * visibility (a hidden field is neither required nor stored), conditional requirement and
 * cross-field validations (a failed one is a field-level error).
 */
final class FormRulePlans {

  private final FormulaEngine formulas;
  private final ConcurrentMap<String, Plan> plans = new ConcurrentHashMap<>();

  FormRulePlans(FormulaEngine formulas) {
    this.formulas = formulas;
  }

  Plan of(FormVersion version) {
    return plans.computeIfAbsent(version.app() + ":" + version.form() + ":" + version.version(), k -> build(version.definition()));
  }

  Plan build(FormDefinition form) {
    List<String> scope = form.fields().stream().map(FieldDefinition::key).toList();
    List<Compiled> compiled = new ArrayList<>();
    for (int i = 0; i < form.rules().size(); i++) {
      FormRule rule = form.rules().get(i);
      String name = rule.type() + " rule " + (i + 1) + (rule.field() == null ? "" : " of '" + rule.field() + "'");
      FieldDefinition field = rule.field() == null ? null : form.findField(rule.field()).orElse(null);
      Formula formula;
      if ("default".equals(rule.type())) {
        if (field == null || rule.value() == null) {
          continue;
        }
        FormulaType type = FormScriptChecker.typeOf(field).orElse(FormulaType.TEXT);
        formula = formulas.compile(new FormulaField(name, rule.value(), type,
            field.scale() != null ? field.scale() : type.defaultScale()), scope);
      } else {
        formula = formulas.compile(FormulaField.bool(name, rule.when()), scope);
      }
      compiled.add(new Compiled(rule, formula));
    }
    return new Plan(compiled);
  }

  private record Compiled(FormRule rule, Formula formula) {}

  /** The compiled rules of one version; empty when the form has none. */
  static final class Plan {

    private final List<Compiled> rules;

    private Plan(List<Compiled> rules) {
      this.rules = rules;
    }

    boolean isEmpty() {
      return rules.isEmpty();
    }

    /** Sets fields a submit left out from their {@code default} rules. */
    void applyDefaults(ObjectNode data) {
      Map<String, @Nullable Object> values = null;
      for (Compiled c : rules) {
        if (!"default".equals(c.rule().type()) || data.has(c.rule().field())) {
          continue;
        }
        values = values == null ? FormulaValues.toMap(data) : values;
        Object value = evaluate(c, values);
        if (value != null) {
          data.set(c.rule().field(), FormulaValues.toNode(value));
          values.put(c.rule().field(), value);
        }
      }
    }

    private @Nullable Object evaluate(Compiled c, Map<String, ?> values) {
      try {
        return c.formula().evaluate(values);
      } catch (RuleEvaluationException e) {
        String at = c.rule().field() == null ? "" : c.rule().field();
        throw ValidationException.of(at, "rule", "The " + e.ruleName() + " failed: " + e.detail());
      }
    }

    /** The fields whose visibility rules do not hold for {@code data}. */
    Set<String> hidden(ObjectNode data) {
      Set<String> hidden = new HashSet<>();
      Map<String, @Nullable Object> values = null;
      for (Compiled c : rules) {
        if ("visible".equals(c.rule().type()) && !hidden.contains(c.rule().field())) {
          values = values == null ? FormulaValues.toMap(data) : values;
          if (!Boolean.TRUE.equals(evaluate(c, values))) {
            hidden.add(c.rule().field());
          }
        }
      }
      return hidden;
    }

    /** Errors of conditional requirements and cross-field validations on the final data. */
    List<FieldError> check(ObjectNode data, Set<String> hidden) {
      List<FieldError> errors = new ArrayList<>();
      Map<String, @Nullable Object> values = null;
      for (Compiled c : rules) {
        String type = c.rule().type();
        if (!"required".equals(type) && !"validate".equals(type)) {
          continue;
        }
        String field = c.rule().field();
        if ("required".equals(type) && (hidden.contains(field) || data.has(field))) {
          continue;
        }
        values = values == null ? FormulaValues.toMap(data) : values;
        if (!Boolean.TRUE.equals(evaluate(c, values))) {
          continue;
        }
        if ("required".equals(type)) {
          errors.add(new FieldError(field, "required", "'" + field + "' is required here"));
        } else {
          errors.add(new FieldError(field == null ? "" : field, "validation", c.rule().message()));
        }
      }
      return errors;
    }
  }
}
