/**
 * The form renderer: one renderer for the end user's form and the designer's live preview. Each
 * field type has one editor ({@link dev.tangram.designer.render.FieldEditors} maps type names to
 * them); formulas and visibility are computed on the server as the user types
 * ({@link dev.tangram.engine.records.FormCalculator}), and server field errors are shown at their fields.
 */
@NullMarked
package dev.tangram.designer.render;

import org.jspecify.annotations.NullMarked;
