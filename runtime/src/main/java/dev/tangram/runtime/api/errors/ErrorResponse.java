package dev.tangram.runtime.api.errors;

import dev.tangram.engine.common.FieldError;
import java.util.List;

/** The error body of DESIGN §7: {@code {"errors":[{"field","code","message"}]}}. */
public record ErrorResponse(List<FieldError> errors) {

  public static ErrorResponse of(String field, String code, String message) {
    return new ErrorResponse(List.of(new FieldError(field, code, message)));
  }
}
