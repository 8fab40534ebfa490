package dev.tangram.plugins.ledger;

import dev.tangram.engine.plugins.PluginActionException;
import java.util.List;

/**
 * The ledger refused an operation (a posting, a cancellation, a period close) and changed nothing.
 * {@link #code()} and {@link #field()} are those of the first error; {@link #errors()} lists all.
 */
public class LedgerRefusedException extends PluginActionException {

  private final List<LedgerError> errors;

  public LedgerRefusedException(List<LedgerError> errors) {
    super(errors.getFirst().code(), errors.getFirst().field(), errors.getFirst().message());
    this.errors = List.copyOf(errors);
  }

  public LedgerRefusedException(String code, String field, String message) {
    this(List.of(new LedgerError(code, field, message)));
  }

  /** Every problem found, in the order checked; never empty. */
  public List<LedgerError> errors() {
    return errors;
  }
}
