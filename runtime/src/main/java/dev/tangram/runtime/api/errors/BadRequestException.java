package dev.tangram.runtime.api.errors;

/** A request parameter or header the API cannot read (400), e.g. a filter that is not JSON. */
public class BadRequestException extends RuntimeException {

  private final String field;
  private final String code;

  public BadRequestException(String field, String code, String message) {
    super(message);
    this.field = field;
    this.code = code;
  }

  public String field() {
    return field;
  }

  public String code() {
    return code;
  }
}
