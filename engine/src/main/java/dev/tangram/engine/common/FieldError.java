package dev.tangram.engine.common;

/**
 * One problem with one piece of input.
 *
 * @param field   where the problem is: a field key, a dotted path such as {@code lines[2].qty}, or a
 *                pseudo-field such as {@code body} or {@code If-Match}
 * @param code    machine-readable, stable across releases, e.g. {@code required}, {@code maxLength}
 * @param message for people; names the object and the value
 */
public record FieldError(String field, String code, String message) {}
