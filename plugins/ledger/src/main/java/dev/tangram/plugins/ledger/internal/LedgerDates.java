package dev.tangram.plugins.ledger.internal;

import dev.tangram.plugins.ledger.LedgerRefusedException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** ISO dates ({@code 2025-03-05}) and periods ({@code 2025-03}) read from input. */
final class LedgerDates {

  private LedgerDates() {}

  static LocalDate parse(@Nullable String text, String field) {
    try {
      return LocalDate.parse(PostingContext.require(text, field, "Date"));
    } catch (DateTimeParseException e) {
      throw new LedgerRefusedException("invalid_date", field, "'" + text + "' is not a date (yyyy-MM-dd)");
    }
  }

  static YearMonth period(@Nullable String text, String field) {
    try {
      return YearMonth.parse(PostingContext.require(text, field, "Period"));
    } catch (DateTimeParseException e) {
      throw new LedgerRefusedException("invalid_period", field, "'" + text + "' is not a period (yyyy-MM)");
    }
  }
}
