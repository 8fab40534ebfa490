package dev.tangram.plugins.mrp;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One line of a bill of material.
 *
 * @param item     code of the component
 * @param qtyPer   component units per unit of the parent
 * @param scrapPct component scrap in percent: the need is {@code qtyPer × (1 + scrapPct/100)}
 * @param uom      unit of the line, informative
 */
public record BomComponent(
    String item,
    @JsonAlias({"qty", "quantity"}) BigDecimal qtyPer,
    @JsonAlias({"scrap", "scrapPercent"}) @Nullable BigDecimal scrapPct,
    @Nullable String uom) {

  public BomComponent {
    if (scrapPct == null) {
      scrapPct = BigDecimal.ZERO;
    }
  }
}
