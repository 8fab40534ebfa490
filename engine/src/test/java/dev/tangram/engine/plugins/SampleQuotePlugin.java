package dev.tangram.engine.plugins;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The sample plugin of docs/plugins.md: prices a quantity with a volume discount. Registered for
 * tests through META-INF/services, so the runtime's tests find it the way real plugins are found.
 */
public class SampleQuotePlugin implements TangramPlugin {

  /** Input of {@code quote}: how many, at what unit price. */
  public record QuoteInput(BigDecimal qty, BigDecimal unitPrice) {}

  /** Output of {@code quote}: the discount applied and the total, to the cent. */
  public record Quote(BigDecimal discountPct, BigDecimal total) {}

  /** Input of {@code remember}: keeps a note as a record of the app's form {@code note}, once per key. */
  public record NoteInput(String text, String key) {}

  /** Output of {@code remember}: the note's record id. */
  public record Noted(String id) {}

  @Override
  public String id() {
    return "sample";
  }

  @Override
  public String version() {
    return "1.0.0";
  }

  @Override
  public List<PluginAction<?, ?>> actions() {
    return List.of(new PluginAction<>("quote", "Prices a quantity with 10% off from 100 units",
        QuoteInput.class, Quote.class, SampleQuotePlugin::quote),
        new PluginAction<>("remember", "Keeps a note in the app's 'note' form (once per key)",
            NoteInput.class, Noted.class, SampleQuotePlugin::remember));
  }

  private static Noted remember(NoteInput input, PluginContext context) {
    var data = dev.tangram.engine.common.Json.MAPPER.createObjectNode().put("text", input.text());
    return new Noted(context.requireRecords().create("note", data, "sample.remember:" + input.key()).id());
  }

  private static Quote quote(QuoteInput input, PluginContext context) {
    if (input.qty() == null || input.qty().signum() <= 0) {
      throw new PluginActionException("NEGATIVE_QUANTITY", "qty", "The quantity must be above zero, not " + input.qty());
    }
    BigDecimal discount = input.qty().compareTo(BigDecimal.valueOf(100)) >= 0 ? BigDecimal.TEN : BigDecimal.ZERO;
    BigDecimal gross = input.qty().multiply(input.unitPrice());
    BigDecimal total = gross.subtract(gross.multiply(discount).movePointLeft(2)).setScale(2, RoundingMode.HALF_UP);
    return new Quote(discount, total);
  }
}
