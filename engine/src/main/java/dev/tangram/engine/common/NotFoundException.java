package dev.tangram.engine.common;

import java.util.List;

/** The addressed object does not exist (or the caller may not know that it exists). */
public class NotFoundException extends TangramException {

  private final String field;

  public NotFoundException(String field, String message) {
    super(message);
    this.field = field;
  }

  @Override
  public List<FieldError> errors() {
    return List.of(new FieldError(field, "notFound", getMessage()));
  }
}
