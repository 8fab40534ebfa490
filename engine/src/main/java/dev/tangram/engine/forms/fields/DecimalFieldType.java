package dev.tangram.engine.forms.fields;

import dev.tangram.engine.common.Decimals;
import dev.tangram.engine.forms.FieldDefinition;
import java.math.BigDecimal;
import java.util.Set;
import org.bson.types.Decimal128;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code number} and {@code money}. Values are decimals end to end (JSON → BigDecimal →
 * Decimal128), so {@code 0.1 + 0.2} stays {@code 0.3}; {@code scale} limits the decimal places
 * (money: 2 unless set).
 */
final class DecimalFieldType extends AbstractFieldType {

  static final int MAX_SCALE = 10;
  private final int defaultScale;

  private DecimalFieldType(String name, int defaultScale) {
    super(name, Set.of("min", "max", "scale"));
    this.defaultScale = defaultScale;
  }

  static DecimalFieldType number() {
    return new DecimalFieldType("number", MAX_SCALE);
  }

  static DecimalFieldType money() {
    return new DecimalFieldType("money", 2);
  }

  int scaleOf(FieldDefinition field) {
    return field.scale() != null ? field.scale() : defaultScale;
  }

  @Override
  public void check(FieldDefinition field, String path, DefinitionProblems problems) {
    if (field.min() != null && field.max() != null && field.min().compareTo(field.max()) > 0) {
      problems.add(path + ".min", "minAboveMax",
          "min " + field.min().toPlainString() + " of '" + field.key() + "' is above its max " + field.max().toPlainString());
    }
    Integer scale = field.scale();
    if (scale != null && (scale < 0 || scale > MAX_SCALE)) {
      problems.add(path + ".scale", "range", "scale of '" + field.key() + "' must be between 0 and " + MAX_SCALE + ", not " + scale);
    }
  }

  @Override
  public ObjectNode schema(FieldDefinition field) {
    int scale = scaleOf(field);
    ObjectNode schema = typed(scale == 0 ? "integer" : "number");
    if (scale > 0 && scale < MAX_SCALE) {
      schema.put("multipleOf", BigDecimal.ONE.movePointLeft(scale));
    }
    // Decimal128 holds 34 significant digits; refuse what it could not store exactly.
    schema.put("maximum", field.max() != null ? field.max() : new BigDecimal("1E+20"));
    schema.put("minimum", field.min() != null ? field.min() : new BigDecimal("-1E+20"));
    return schema;
  }

  @Override
  public Object toStored(JsonNode value, FieldDefinition field) {
    return Decimals.toStored(value.decimalValue());
  }

  @Override
  public JsonNode fromStored(Object stored, FieldDefinition field) {
    BigDecimal value = stored instanceof Decimal128 d ? d.bigDecimalValue() : new BigDecimal(stored.toString());
    if ("money".equals(name()) && value.scale() < scaleOf(field)) {
      value = value.setScale(scaleOf(field)); // 12.5 is shown as 12.50
    }
    return DecimalNode.valueOf(value);
  }
}
