package dev.tangram.engine.webhooks;

/** An inbound call is unsigned, wrongly signed, too old or replayed: answered 401, nothing stored. */
public final class InvalidSignatureException extends RuntimeException {

  public InvalidSignatureException(String message) {
    super(message);
  }
}
