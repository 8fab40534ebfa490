package dev.tangram.plugins.mrp;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A bill of material: what one batch of {@code outputQty} units of {@code parent} consumes.
 *
 * @param parent     code of the item made
 * @param version    free label, not used by the planner
 * @param active     inactive BOMs are ignored; active when absent
 * @param outputQty  units of the parent one batch yields; 1 when absent
 * @param components the component lines
 */
public record Bom(
    String parent,
    @Nullable String version,
    @Nullable Boolean active,
    @Nullable BigDecimal outputQty,
    List<BomComponent> components) {

  public Bom {
    if (outputQty == null) {
      outputQty = BigDecimal.ONE;
    }
    components = components == null ? List.of() : List.copyOf(components);
  }

  /** Whether the planner explodes this BOM. */
  public boolean isActive() {
    return active == null || active;
  }
}
