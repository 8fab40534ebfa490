package dev.tangram.engine.common;

import java.util.List;

/** The caller is known but may not do this. */
public class ForbiddenException extends TangramException {

  public ForbiddenException(String message) {
    super(message);
  }

  @Override
  public List<FieldError> errors() {
    return List.of(new FieldError("", "forbidden", getMessage()));
  }
}
