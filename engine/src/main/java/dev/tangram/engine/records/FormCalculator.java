package dev.tangram.engine.records;

import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.records.internal.LiveCalculation;
import dev.tangram.engine.rules.FormulaEngine;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Computes, for data a user is still typing, what a write would compute: formula fields (rows
 * first), expression defaults and which fields the visibility rules hide. It uses the same
 * compiled plans and sandbox as {@link RecordService}, so the live preview and the server agree;
 * the server stays authoritative and computes again on every write. Nothing is stored.
 */
public final class FormCalculator {

  private final LiveCalculation calculation;

  public FormCalculator(FormulaEngine formulas) {
    this.calculation = new LiveCalculation(formulas);
  }

  /**
   * @param result  the data with formula fields filled in
   * @param hidden  keys of top-level fields whose {@code visible} rule does not hold
   * @param problem why a formula or rule could not be computed yet (e.g. a value still missing), or null
   */
  public record Result(ObjectNode result, Set<String> hidden, @Nullable String problem) {}

  /** Formulas and visibility for {@code data} = the record's {@code data} object. */
  public Result calculate(FormDefinition form, ObjectNode data) {
    return of(calculation.calculate(form, data, false));
  }

  /** Like {@link #calculate} but first fills fields left empty from their {@code default} rules (a new record). */
  public Result calculateNew(FormDefinition form, ObjectNode data) {
    return of(calculation.calculate(form, data, true));
  }

  private static Result of(LiveCalculation.Outcome outcome) {
    return new Result(outcome.data(), outcome.hidden(), outcome.problem());
  }
}
