/**
 * Rules: JavaScript run in a locked-down GraalJS sandbox ({@link dev.tangram.engine.rules.ScriptSandbox}) and
 * form formulas compiled once into functions ({@link dev.tangram.engine.rules.FormulaEngine}) with an Excel-like
 * library. Every failure is a {@link dev.tangram.engine.rules.RuleEvaluationException} with a machine code.
 */
@NullMarked
package dev.tangram.engine.rules;

import org.jspecify.annotations.NullMarked;
