package dev.tangram.engine.flows.internal;

import dev.tangram.engine.common.Json;
import java.util.List;
import org.flowable.variable.api.types.ValueFields;
import org.flowable.variable.api.types.VariableType;
import tools.jackson.core.type.TypeReference;

/**
 * Stores a list of strings (approver lists, the approvers of the last node) as a JSON array in the
 * variable row's text column. Flowable would otherwise serialize such a list into a separate
 * byte-array row, read back with one more query every time a command loads the instance's
 * variables. Lists too long for the text column are left to Flowable's serializable type.
 */
public final class StringListType implements VariableType {

  public static final String TYPE_NAME = "tgStringList";
  /** The width of Flowable's {@code TEXT_} columns. */
  private static final int MAX_TEXT = 4000;
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  @Override
  public String getTypeName() {
    return TYPE_NAME;
  }

  @Override
  public boolean isCachable() {
    return true;
  }

  @Override
  public boolean isAbleToStore(Object value) {
    if (!(value instanceof List<?> list) || list.isEmpty() || !list.stream().allMatch(String.class::isInstance)) {
      return false; // an empty list keeps Flowable's own empty-collection type
    }
    return Json.MAPPER.writeValueAsString(list).length() <= MAX_TEXT;
  }

  @Override
  public void setValue(Object value, ValueFields fields) {
    fields.setTextValue(value == null ? null : Json.MAPPER.writeValueAsString(value));
  }

  @Override
  public Object getValue(ValueFields fields) {
    String text = fields.getTextValue();
    return text == null ? null : List.copyOf(Json.MAPPER.readValue(text, STRINGS));
  }
}
