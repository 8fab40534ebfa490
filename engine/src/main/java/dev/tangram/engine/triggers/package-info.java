/**
 * Triggers: the scripts of a form's {@code triggers} that react to its record (and flow) events —
 * {@code before} rules inside the write, able to refuse it; {@code after} rules once the change is
 * committed, at least once and never twice, with a narrow API to the app's records and plugins.
 */
@NullMarked
package dev.tangram.engine.triggers;

import org.jspecify.annotations.NullMarked;
