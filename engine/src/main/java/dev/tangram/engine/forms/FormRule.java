package dev.tangram.engine.forms;

import org.jspecify.annotations.Nullable;

/**
 * A declarative rule of a form, stored and shape-checked here and evaluated by the rules sandbox.
 *
 * @param type    {@code visible}, {@code required} or {@code validate}
 * @param field   the field a {@code visible}/{@code required} rule concerns (the field a
 *                {@code validate} rule reports its message at, if any)
 * @param when    a JavaScript condition over the form's fields
 * @param message what a failed {@code validate} rule tells the user
 */
public record FormRule(String type, @Nullable String field, String when, @Nullable String message) {}
