package dev.tangram.engine.common;

import java.util.List;

/**
 * The engine's exception family. Each subclass has one machine meaning that the API maps to one
 * HTTP status: {@link ValidationException} 422/400, {@link NotFoundException} 404,
 * {@link ConflictException} 409, {@link ForbiddenException} 403.
 */
public abstract class TangramException extends RuntimeException {

  protected TangramException(String message) {
    super(message);
  }

  /** The problems as field errors; a single one for exceptions that concern no particular field. */
  public abstract List<FieldError> errors();
}
