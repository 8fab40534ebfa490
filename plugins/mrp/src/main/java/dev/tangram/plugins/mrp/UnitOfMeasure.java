package dev.tangram.plugins.mrp;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A unit of measure. Written either as its code ({@code "pcs"}) or as an object with a precision.
 *
 * @param code      the unit's code, e.g. {@code pcs}, {@code kg}
 * @param precision decimals a quantity of this unit is rounded up to; none when absent
 */
public record UnitOfMeasure(
    @Nullable String code, @JsonAlias({"decimals", "scale"}) @Nullable Integer precision) {

  /** A unit named only by its code carries no precision. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static UnitOfMeasure ofCode(String code) {
    return new UnitOfMeasure(code, null);
  }

  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  public static UnitOfMeasure of(
      @JsonProperty("code") @JsonAlias({"name", "uom"}) @Nullable String code,
      @JsonProperty("precision") @JsonAlias({"decimals", "scale"}) @Nullable Integer precision) {
    return new UnitOfMeasure(code, precision);
  }
}
