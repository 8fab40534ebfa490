package dev.tangram.engine.common;

import java.util.List;

/** The write lost a race or would break a uniqueness rule: a stale version, a duplicate key. */
public class ConflictException extends TangramException {

  private final String field;
  private final String code;

  public ConflictException(String field, String code, String message) {
    super(message);
    this.field = field;
    this.code = code;
  }

  @Override
  public List<FieldError> errors() {
    return List.of(new FieldError(field, code, getMessage()));
  }
}
