package dev.tangram.engine.forms;

import org.jspecify.annotations.Nullable;

/**
 * A declarative rule of a form, stored and shape-checked here and evaluated by the rules sandbox.
 *
 * @param type    {@code visible} (the field is shown, required and stored only while {@code when}
 *                holds), {@code required} (the field is required while {@code when} holds),
 *                {@code validate} (the write is refused with {@code message} when {@code when}
 *                holds) or {@code default} ({@code value} fills the field when a submit leaves it out)
 * @param field   the field a {@code visible}/{@code required} rule concerns (the field a
 *                {@code validate} rule reports its message at, if any)
 * @param when    a JavaScript condition over the form's fields
 * @param message what a failed {@code validate} rule tells the user
 * @param value   the expression of a {@code default} rule, e.g. {@code TODAY()}
 */
public record FormRule(String type, @Nullable String field, String when, @Nullable String message, @Nullable String value) {

  public FormRule(String type, @Nullable String field, String when, @Nullable String message) {
    this(type, field, when, message, null);
  }
}
