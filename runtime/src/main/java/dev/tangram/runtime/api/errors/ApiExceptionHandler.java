package dev.tangram.runtime.api.errors;

import dev.tangram.engine.common.ConflictException;
import dev.tangram.engine.common.ForbiddenException;
import dev.tangram.engine.common.NotFoundException;
import dev.tangram.engine.common.TangramException;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.plugins.PluginActionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where exceptions become HTTP: the engine's family by meaning (422, 404, 409, 403),
 * unreadable input 400, oversized bodies 413, and anything unexpected 500 without internals.
 */
@RestControllerAdvice
class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(TangramException.class)
  ResponseEntity<ErrorResponse> engine(TangramException e, java.security.Principal principal) {
    if (e instanceof ForbiddenException) {
      log.warn("Refused for {}: {}", principal == null ? "anonymous" : principal.getName(), e.getMessage());
    }
    HttpStatus status = switch (e) {
      case ValidationException v -> HttpStatus.UNPROCESSABLE_CONTENT;
      case NotFoundException n -> HttpStatus.NOT_FOUND;
      case ConflictException c -> HttpStatus.CONFLICT;
      case ForbiddenException f -> HttpStatus.FORBIDDEN;
      default -> HttpStatus.BAD_REQUEST;
    };
    return ResponseEntity.status(status).body(new ErrorResponse(e.errors()));
  }

  @ExceptionHandler(BadRequestException.class)
  ResponseEntity<ErrorResponse> badRequest(BadRequestException e) {
    return ResponseEntity.badRequest().body(ErrorResponse.of(e.field(), e.code(), e.getMessage()));
  }

  @ExceptionHandler(PluginActionException.class)
  ResponseEntity<ErrorResponse> plugin(PluginActionException e) {
    return ResponseEntity.unprocessableContent()
        .body(ErrorResponse.of(e.field() == null ? "" : e.field(), e.code(), e.getMessage()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ErrorResponse> unreadable(HttpMessageNotReadableException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof PayloadTooLargeException tooLarge) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(ErrorResponse.of("body", "tooLarge", tooLarge.getMessage()));
      }
    }
    String detail = e.getMostSpecificCause().getMessage();
    String firstLine = detail == null ? "" : detail.lines().findFirst().orElse("");
    String message = e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")
        ? "The request needs a JSON body" : "The body is not valid JSON: " + firstLine;
    return ResponseEntity.badRequest().body(ErrorResponse.of("body", "malformedJson", message));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ErrorResponse> typeMismatch(MethodArgumentTypeMismatchException e) {
    return ResponseEntity.badRequest().body(ErrorResponse.of(e.getName(), "type", "'" + e.getName() + "' has an invalid value '" + e.getValue() + "'"));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ErrorResponse> missingParameter(MissingServletRequestParameterException e) {
    return ResponseEntity.badRequest().body(ErrorResponse.of(e.getParameterName(), "required", "Parameter '" + e.getParameterName() + "' is required"));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ErrorResponse> mediaType(HttpMediaTypeNotSupportedException e) {
    return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(ErrorResponse.of("Content-Type", "unsupported", "Send JSON with Content-Type: application/json"));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ErrorResponse> method(HttpRequestMethodNotSupportedException e) {
    return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).body(ErrorResponse.of("", "methodNotAllowed", e.getMessage()));
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ErrorResponse> noResource(NoResourceFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ErrorResponse.of("", "notFound", "There is nothing at /" + e.getResourcePath()));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ErrorResponse> unexpected(Exception e) {
    log.error("Unexpected error", e);
    return ResponseEntity.internalServerError().body(ErrorResponse.of("", "internal", "Something went wrong on the server; the error is logged"));
  }
}
