package dev.tangram.plugins.ledger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Company-level choices that change the numbers. Absent values take the defaults: moving average,
 * red-ink reversal (Chinese practice, keeps turnover honest), per-line tax rounding (fapiao lines
 * carry their own tax), default warehouse {@code main}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LedgerSettings(
    @Nullable Valuation valuation,
    @Nullable ReversalStyle reversal,
    @Nullable TaxRounding taxRounding,
    @Nullable String defaultWarehouse) {

  /** The defaults described above. */
  public static LedgerSettings defaults() {
    return new LedgerSettings(null, null, null, null).resolved();
  }

  /** These settings with every absent value replaced by its default. */
  public LedgerSettings resolved() {
    return new LedgerSettings(
        valuation == null ? Valuation.MOVING_AVERAGE : valuation,
        reversal == null ? ReversalStyle.RED_INK : reversal,
        taxRounding == null ? TaxRounding.PER_LINE : taxRounding,
        defaultWarehouse == null || defaultWarehouse.isBlank() ? "main" : defaultWarehouse);
  }

  /**
   * These settings with one reference-case variant applied, e.g. {@code fifo}, {@code swap},
   * {@code global}.
   *
   * @throws IllegalArgumentException when the name is no known variant
   */
  public LedgerSettings withVariant(String name) {
    for (Valuation v : Valuation.values()) {
      if (v.json.equals(name)) return new LedgerSettings(v, reversal, taxRounding, defaultWarehouse);
    }
    for (ReversalStyle r : ReversalStyle.values()) {
      if (r.json.equals(name)) return new LedgerSettings(valuation, r, taxRounding, defaultWarehouse);
    }
    for (TaxRounding t : TaxRounding.values()) {
      if (t.json.equals(name)) return new LedgerSettings(valuation, reversal, t, defaultWarehouse);
    }
    throw new IllegalArgumentException("Unknown ledger variant '" + name + "'");
  }

  /** Inventory valuation per item and warehouse. */
  public enum Valuation {
    @JsonProperty("movingAverage") MOVING_AVERAGE("movingAverage"),
    @JsonProperty("fifo") FIFO("fifo");
    private final String json;

    Valuation(String json) {
      this.json = json;
    }
  }

  /** How a reversal voucher mirrors the original. */
  public enum ReversalStyle {
    /** Debit and credit exchanged, amounts positive (ERPNext/Odoo). */
    @JsonProperty("swap") SWAP("swap"),
    /** Same sides, negative amounts (红字冲销). */
    @JsonProperty("redInk") RED_INK("redInk");
    private final String json;

    ReversalStyle(String json) {
      this.json = json;
    }
  }

  /** Where VAT is rounded to the cent. */
  public enum TaxRounding {
    @JsonProperty("perLine") PER_LINE("perLine"),
    @JsonProperty("global") GLOBAL("global");
    private final String json;

    TaxRounding(String json) {
      this.json = json;
    }
  }
}
