package dev.tangram.runtime.api.errors;

import java.io.IOException;

/** A request body went past {@code tangram.api.max-body-size}; answered with 413. */
public class PayloadTooLargeException extends IOException {

  public PayloadTooLargeException(long limit) {
    super("The request body is larger than " + limit + " bytes");
  }
}
