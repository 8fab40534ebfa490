package dev.tangram.engine.common;

import java.util.List;

/** Input was refused; {@link #errors()} lists every problem found, not only the first. */
public class ValidationException extends TangramException {

  private final List<FieldError> errors;

  public ValidationException(List<FieldError> errors) {
    super(summary(errors));
    this.errors = List.copyOf(errors);
  }

  public static ValidationException of(String field, String code, String message) {
    return new ValidationException(List.of(new FieldError(field, code, message)));
  }

  @Override
  public List<FieldError> errors() {
    return errors;
  }

  private static String summary(List<FieldError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a ValidationException needs at least one error");
    }
    return errors.size() == 1 ? errors.getFirst().message() : errors.size() + " problems, first: " + errors.getFirst().message();
  }
}
